package org.partnerplatform.portal.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.TokenServiceClient;
import org.partnerplatform.portal.client.TokenServiceClient.NewClient;

import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The organisation's clients, for its client administrators (KLIENTADMINISTRATOR): the list, and forms to create,
 * rotate and revoke; the secret of a new or rotated client is shown once, on the page after the form, never again.
 * Anyone else is told that they do not manage clients, and refused the forms (403).
 */
@Path("/clients")
@Authenticated
public class ClientsPage {
    static final String KLIENTADMINISTRATOR = "KLIENTADMINISTRATOR";
    /** The roles a partner's client may be given here; platform-wide roles are the platform admins' business. */
    static final List<String> GRANTABLE = List.of("PARTNER", "KLIENTADMINISTRATOR");

    @Inject
    Template clients;
    @Inject
    Template secret;
    @Inject
    SignedIn signedIn;
    @Inject
    HandOver handOver;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    TokenServiceClient tokenService;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list() {
        return page(null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(KLIENTADMINISTRATOR)
    public Uni<Response> create(MultivaluedMap<String, String> form) {
        Set<String> roles = new LinkedHashSet<>(form.getOrDefault("roles", List.of()));
        String name = form.getFirst("name") == null ? "" : form.getFirst("name").strip();
        return tokenService.create(signedIn.bearer(), signedIn.organisationId(), new NewClient(name, roles))
                .map(created -> shown(created.clientId(), created.clientSecret()))
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    @POST
    @Path("/{clientId}/rotate")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(KLIENTADMINISTRATOR)
    public Uni<Response> rotate(@PathParam("clientId") String clientId) {
        return tokenService.rotate(signedIn.bearer(), signedIn.organisationId(), clientId)
                .map(rotated -> shown(clientId, rotated.clientSecret()))
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    @POST
    @Path("/{clientId}/revoke")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(KLIENTADMINISTRATOR)
    public Uni<Response> revoke(@PathParam("clientId") String clientId) {
        return tokenService.revoke(signedIn.bearer(), signedIn.organisationId(), clientId)
                .map(revoked -> Response.seeOther(java.net.URI.create("/clients")).build())
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    /** The page after the form: the secret, from the hand-over cookie, which it clears. */
    @GET
    @Path("/{clientId}/secret")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(KLIENTADMINISTRATOR)
    public Response secret(@PathParam("clientId") String clientId, @CookieParam(HandOver.COOKIE) String cookie) {
        String path = "/clients/" + clientId + "/secret";
        String shown = handOver.open(cookie, signedIn.person().email(), clientId).orElse(null);
        return Response.ok(language.apply(secret.data("clientId", clientId).data("secret", shown)).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(handOver.cleared(path)).build();
    }

    private Response shown(String clientId, String clientSecret) {
        String path = "/clients/" + clientId + "/secret";
        return Response.seeOther(java.net.URI.create(path)).cookie(handOver.seal(clientSecret, signedIn.person().email(), clientId, path)).build();
    }

    private Uni<Response> page(String message, int status) {
        // Only a client administrator may read the clients (token-service says so too): others are told, not shown.
        Uni<List<TokenServiceClient.ApiClient>> listed = signedIn.has(KLIENTADMINISTRATOR)
                ? tokenService.clients(signedIn.bearer(), signedIn.organisationId())
                : Uni.createFrom().item(List.of());
        return listed
                .map(list -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(language.apply(clients.data("clients", list).data("manages", signedIn.has(KLIENTADMINISTRATOR))
                                .data("grantable", GRANTABLE).data("message", message).data("person", signedIn.person())).render())
                        .build());
    }
}
