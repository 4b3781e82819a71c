package org.partnerplatform.token.rest.pages;

import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.token.repository.Invitation;
import org.partnerplatform.token.service.persons.PasswordPolicy;
import org.partnerplatform.token.service.persons.NotAccepted;
import org.partnerplatform.token.service.persons.PersonService;
import org.partnerplatform.token.service.persons.SecondFactor;
import org.partnerplatform.web.ProblemException;

import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * An invitation's one-time link: the page where the invited person chooses a name and a password and adds the
 * platform to their authenticator app (a QR code, and the secret to type), which creates them; or, for a reset of a
 * person's sign-in, a new password and a new second factor for the same person. A used, expired or unknown link
 * answers the same 410 page.
 */
@Path("/invitations/{token}")
public class InvitationPage {

    @Inject
    Template invitation;
    @Inject
    Template accepted;
    @Inject
    Template error;

    private final PersonService persons;
    private final SecondFactor secondFactor;

    public InvitationPage(PersonService persons, SecondFactor secondFactor) {
        this.persons = persons;
        this.secondFactor = secondFactor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "An invitation's page: choose a name and a password")
    public Uni<Response> page(@PathParam("token") String token, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Pages.locale(null, acceptLanguage);
        return persons.openInvitationToEnrol(token).map(open -> {
            if (open == null) {
                return gone(locale);
            }
            Map.Entry<String, NewCookie> csrf = Pages.csrf(uri);
            return Pages.withCookie(form(open, locale, csrf.getKey(), null, "", 200), csrf.getValue());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Accept an invitation: the form of its page")
    public Uni<Response> accept(@PathParam("token") String token, MultivaluedMap<String, String> form,
            @CookieParam(Pages.CSRF_COOKIE) String csrfCookie, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Pages.locale(null, acceptLanguage);
        PageMessages say = Pages.messages(locale);
        if (!Pages.csrfHolds(csrfCookie, form.getFirst(Pages.CSRF_FIELD))) {
            return Uni.createFrom().item(Pages.html(403, Pages.in(locale, error.data("message", say.invitationFormExpired())).render(), null));
        }
        String name = form.getFirst("name") == null ? "" : form.getFirst("name").strip();
        String password = form.getFirst("password") == null ? "" : form.getFirst("password");
        return persons.openInvitationToEnrol(token).chain(open -> {
            if (open == null) {
                return Uni.createFrom().item(gone(locale));
            }
            // A reset keeps the person's name; an invitation asks for it.
            String problem = !open.reset() && (name.isEmpty() || name.length() > 100) ? say.giveName()
                    : !password.equals(form.getFirst("repeat")) ? say.passwordsDiffer()
                    : said(say, PasswordPolicy.problem(password, open.email));
            if (problem != null) {
                return Uni.createFrom().item(form(open, locale, csrfCookie, problem, name, 422));
            }
            return persons.accept(token, name, password, form.getFirst("code"))
                    .map(person -> person == null ? gone(locale)
                            : Pages.html(200, Pages.in(locale, accepted.data("email", person.email).data("reset", open.reset())).render(), null))
                    .onFailure(NotAccepted.class).recoverWithItem(e -> form(open, locale, csrfCookie,
                            said(say, ((NotAccepted) e).reason(), open.email), name, 422))
                    .onFailure(ProblemException.class).recoverWithItem(e -> form(open, locale, csrfCookie, e.getMessage(), name, 409));
        });
    }

    private Response gone(Locale locale) {
        return Pages.html(410, Pages.in(locale, error.data("message", Pages.messages(locale).gone())).render(), null);
    }

    private static String said(PageMessages say, PasswordPolicy.Problem problem) {
        if (problem == null) {
            return null;
        }
        return switch (problem) {
            case MISSING -> say.passwordMissing();
            case TOO_SHORT -> say.passwordTooShort(PasswordPolicy.MIN_LENGTH);
            case TOO_LONG -> say.passwordTooLong(PasswordPolicy.MAX_LENGTH);
            case TOO_FEW_CHARACTERS -> say.passwordTooFewCharacters();
            case CONTAINS_EMAIL -> say.passwordContainsEmail();
        };
    }

    private static String said(PageMessages say, NotAccepted.Reason reason, String email) {
        return switch (reason) {
            case NOT_ENROLLED -> say.notEnrolled();
            case WRONG_CODE -> say.wrongEnrolmentCode();
            case ADDRESS_TAKEN -> say.addressTaken(email);
        };
    }

    private Response form(Invitation open, Locale locale, String csrf, String message, String name, int status) {
        KeyEncryption.Sealed secret = new KeyEncryption.Sealed(open.totpSecretIv, open.totpSecretCiphertext);
        return Pages.html(status, Pages.in(locale, invitation.data("email", open.email).data("reset", open.reset()).data("csrf", csrf)
                .data("message", message)
                .data("name", name)
                .data("minLength", PasswordPolicy.MIN_LENGTH)
                .data("totpSecret", secondFactor.base32(secret, open.email))
                .data("totpQr", QrSvg.of(secondFactor.otpauthUri(secret, open.email))))
                .render(), null);
    }
}
