package org.partnerplatform.portal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.TokenServiceClient;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The organisation's audit log (token-service keeps it), newest first, a page at a time, for its administrators. */
@Path("/audit")
@RolesAllowed({ "KLIENTADMINISTRATOR", PersonsPage.BRUKERADMINISTRATOR })
public class AuditPage {
    static final int PAGE = 50;

    @Inject
    Template audit;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    TokenServiceClient tokenService;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@QueryParam("before") Long before) {
        return tokenService.audit(signedIn.bearer(), signedIn.organisationId(), before, PAGE).map(page -> {
            Long older = page.next() == null || page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).id();
            return language.apply(audit.data("events", page.items()).data("older", older));
        });
    }
}
