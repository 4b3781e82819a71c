package org.partnerplatform.portal.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.PlatformAdminClient.Organisations;
import org.partnerplatform.portal.client.TokenServiceClient;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The platform admins' register of organisations: the list, a form to register a partner or an operator, and per
 * organisation its certification (CERTIFIED needs an evidence reference), suspension (with a reason) and
 * reinstatement, and the invitation of its first administrator (the link shown once, as on the persons page).
 * token-service decides and records each change, naming the person who made it.
 */
@Path("/admin/organisations")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminOrganisationsPage {
    static final int PAGE = 50;
    /** What an organisation's first person may do: manage its clients and invite the others. */
    static final java.util.Set<String> ADMINISTRATOR = java.util.Set.of("KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR");
    static final List<String> CERTIFICATIONS = List.of("NOT_CERTIFIED", "IN_CERTIFICATION", "CERTIFIED");

    @Inject
    Template adminOrganisations;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    InvitationHandOver links;
    @Inject
    @RestClient
    Organisations organisations;
    @Inject
    @RestClient
    TokenServiceClient tokenService;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@QueryParam("page") @DefaultValue("0") int page) {
        return page(Math.max(page, 0), null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> register(MultivaluedMap<String, String> form) {
        String codespace = blankToNull(form.getFirst("codespace"));
        return done(organisations.register(signedIn.bearer(), new Organisations.NewOrganisation(strip(form.getFirst("name")),
                form.getFirst("type"), codespace)));
    }

    @POST
    @Path("/{id}/certification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> certify(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return done(organisations.certify(signedIn.bearer(), id,
                new Organisations.CertificationChange(form.getFirst("certification"), blankToNull(form.getFirst("evidenceReference")))));
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> suspend(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return done(organisations.suspend(signedIn.bearer(), id, new Organisations.Reason(strip(form.getFirst("reason")))));
    }

    @POST
    @Path("/{id}/reinstate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> reinstate(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return done(organisations.reinstate(signedIn.bearer(), id, new Organisations.Reason(blankToNull(form.getFirst("reason")))));
    }

    /** An organisation's first administrator (clients and persons); the link is shown once, on the page after. */
    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> invite(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return tokenService.invite(signedIn.bearer(), id, new TokenServiceClient.NewInvitation(strip(form.getFirst("email")), ADMINISTRATOR))
                .map(made -> links.redirect(made, "/admin/organisations/invitations/" + made.invitationId()))
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(0, ApiProblems.detail((WebApplicationException) e), 422));
    }

    @GET
    @Path("/invitations/{invitationId}")
    @Produces(MediaType.TEXT_HTML)
    public Response invitation(@PathParam("invitationId") String invitationId, @CookieParam(HandOver.COOKIE) String cookie) {
        return links.page("/admin/organisations/invitations/" + invitationId, invitationId, cookie, false, "/admin/organisations");
    }

    private Uni<Response> done(Uni<?> change) {
        return change.map(changed -> Response.seeOther(URI.create("/admin/organisations")).build())
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(0, ApiProblems.detail((WebApplicationException) e), 422));
    }

    private Uni<Response> page(int page, String message, int status) {
        return organisations.list(signedIn.bearer(), page, PAGE).map(found -> Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(language.apply(adminOrganisations.data("found", found).data("certifications", CERTIFICATIONS).data("message", message)
                        .data("previous", page > 0 ? page - 1 : null)
                        .data("next", (long) (page + 1) * PAGE < found.totalItems() ? page + 1 : null)).render())
                .build());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
