package org.partnerplatform.token.rest.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.partnerplatform.token.service.signin.WebClients;

import io.quarkus.qute.Template;

/**
 * The end_session_endpoint (OpenID Connect RP-Initiated Logout 1.0). This server keeps no session of its own, so
 * there is nothing to end here: the web client has ended its session, and the person goes back to a registered
 * post_logout_redirect_uri (with state), or sees that they are signed out.
 */
@Path("/oauth/logout")
public class SignOutPage {
    @Inject
    Template signedout;

    private final WebClients clients;

    public SignOutPage(WebClients clients) {
        this.clients = clients;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "OpenID Connect RP-initiated logout: back to a registered post_logout_redirect_uri")
    public Response signOut(@QueryParam("post_logout_redirect_uri") String returnTo, @QueryParam("client_id") String clientId,
            @QueryParam("state") String state, @QueryParam("ui_locales") String uiLocales,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (returnTo != null && clients.mayReturnAfterSignOut(clientId, returnTo)) {
            return Pages.redirect(state == null ? returnTo
                    : returnTo + (returnTo.contains("?") ? "&" : "?") + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return Pages.html(200, Pages.in(Pages.locale(uiLocales, acceptLanguage), signedout.instance()).render(), null);
    }
}
