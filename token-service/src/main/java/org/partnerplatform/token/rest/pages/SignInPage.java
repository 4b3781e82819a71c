package org.partnerplatform.token.rest.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.service.signin.AuthorizationRequest;
import org.partnerplatform.token.service.signin.SignInService;
import org.partnerplatform.token.service.signin.WebClients;

import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The authorization endpoint: the page where a person signs in for a web client (the partner portal), and what
 * happens when they do. A request that names an unknown client or a redirect URI not registered for it is shown
 * as an error and goes nowhere; other problems go back to the client as OAuth errors (with state and iss, RFC 9207).
 */
@Path("/oauth/authorize")
public class SignInPage {

    @Inject
    Template signin;
    @Inject
    Template error;

    private final WebClients clients;
    private final SignInService signIn;
    private final IssuerSettings settings;

    public SignInPage(WebClients clients, SignInService signIn, IssuerSettings settings) {
        this.clients = clients;
        this.signIn = signIn;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "OpenID Connect authorization endpoint (code flow with PKCE S256): the sign-in page")
    public Response page(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.of(uri.getQueryParameters(), clients);
        } catch (AuthorizationRequest.Refused refused) {
            return refusal(refused, Pages.locale(uri.getQueryParameters().getFirst("ui_locales"), acceptLanguage));
        }
        Map.Entry<String, NewCookie> csrf = Pages.csrf(uri);
        Locale locale = Pages.locale(request.uiLocales(), acceptLanguage);
        return Pages.withCookie(form(request, locale, csrf.getKey(), null, null, 200), csrf.getValue());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sign in: the form of the sign-in page")
    public Uni<Response> signIn(MultivaluedMap<String, String> form, @CookieParam(Pages.CSRF_COOKIE) String csrfCookie, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.of(form, clients);
        } catch (AuthorizationRequest.Refused refused) {
            return Uni.createFrom().item(refusal(refused, Pages.locale(form.getFirst("ui_locales"), acceptLanguage)));
        }
        Locale locale = Pages.locale(request.uiLocales(), acceptLanguage);
        PageMessages say = Pages.messages(locale);
        if (!Pages.csrfHolds(csrfCookie, form.getFirst(Pages.CSRF_FIELD))) {
            return Uni.createFrom().item(Pages.html(403, Pages.in(locale, error.data("message", say.signInFormExpired())).render(), null));
        }
        String email = form.getFirst("email");
        return signIn.authenticate(email, form.getFirst("password"), form.getFirst("code")).chain(outcome -> {
            if (outcome.throttled()) {
                long seconds = Math.max(1, (outcome.retryAfter().toMillis() + 999) / 1000);
                return Uni.createFrom().item(Response.fromResponse(form(request, locale, csrfCookie, say.throttled(seconds), email, 429))
                        .header("Retry-After", seconds).build());
            }
            if (outcome.person() == null) {
                return Uni.createFrom().item(form(request, locale, csrfCookie, say.wrong(), email, 401));
            }
            return signIn.issueCode(request, outcome.person())
                    .map(code -> Pages.redirect(back(request.redirectUri(), "code", code, "state", request.state())));
        });
    }

    private Response form(AuthorizationRequest request, Locale locale, String csrf, String message, String email, int status) {
        String body = Pages.in(locale, signin.data("fields", request.formParameters().entrySet())
                .data("csrf", csrf)
                .data("message", message)
                .data("email", email == null ? "" : email))
                .render();
        return Pages.html(status, body, origin(request.redirectUri()));
    }

    private Response refusal(AuthorizationRequest.Refused refused, Locale locale) {
        if (refused.redirectTo() == null) {
            return Pages.html(400, Pages.in(locale, error.data("message", Pages.messages(locale).invalidLink(refused.getMessage()))).render(), null);
        }
        return Pages.redirect(back(refused.redirectTo(), "error", refused.error(), "error_description", refused.getMessage(),
                "state", refused.state()));
    }

    /** The client's redirect URI with these parameters (those with a value) and iss (RFC 9207) added to its query. */
    private String back(String redirectUri, String... namesAndValues) {
        StringBuilder back = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                back.append(namesAndValues[i]).append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8)).append('&');
            }
        }
        return back.append("iss=").append(URLEncoder.encode(settings.issuer(), StandardCharsets.UTF_8)).toString();
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
