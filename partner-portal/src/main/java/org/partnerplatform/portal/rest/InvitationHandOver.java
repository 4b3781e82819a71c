package org.partnerplatform.portal.rest;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.partnerplatform.portal.client.TokenServiceClient.Invitation;

import io.quarkus.qute.Template;

/**
 * The one-time link of an invitation or of a sign-in reset, from the form's answer to the page after it: sealed
 * with its expiry in the hand-over cookie (as a new client's secret is), shown once, then gone on a reload.
 */
@ApplicationScoped
public class InvitationHandOver {
    @Inject
    HandOver handOver;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    Template invitation;

    /** The form's answer: to {@code path}, where the link is shown. */
    public Response redirect(Invitation made, String path) {
        return Response.seeOther(URI.create(path))
                .cookie(handOver.seal(made.link() + " " + made.expiresAt(), signedIn.personId(), made.invitationId(), path)).build();
    }

    /** The page at {@code path}: the link and until when it works, or that it was shown already; {@code back} null for /persons. */
    public Response page(String path, String invitationId, String cookie, boolean reset, String back) {
        // "<link> <expiry>": neither a link (a URL) nor an instant holds a space. Anything else is shown as nothing.
        String[] sealed = handOver.open(cookie, signedIn.personId(), invitationId).map(v -> v.split(" ")).filter(v -> v.length == 2)
                .orElse(null);
        return Response.ok(language.apply(invitation.data("link", sealed == null ? null : sealed[0])
                .data("expires", sealed == null ? null : sealed[1]).data("reset", reset).data("back", back)).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(handOver.cleared(path)).build();
    }
}
