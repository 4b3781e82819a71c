package org.partnerplatform.portal.rest;

import java.net.URI;
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
import org.partnerplatform.portal.client.TokenServiceClient.NewInvitation;
import org.partnerplatform.portal.client.TokenServiceClient.Roles;

import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The organisation's persons, for its user administrators (BRUKERADMINISTRATOR): the list, invitations (the one-time
 * link is shown once, on the page after the form, as a new client's secret is), changes of roles, resets of a sign-in
 * (a link shown once too), removal. A person changes, resets or removes anyone but themselves.
 */
@Path("/persons")
@RolesAllowed(PersonsPage.BRUKERADMINISTRATOR)
public class PersonsPage {
    static final String BRUKERADMINISTRATOR = "BRUKERADMINISTRATOR";
    /** The roles persons of a partner or an operator hold; platform-wide roles are the platform admins' business. */
    static final List<String> ROLES = List.of("KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR", "SALES_READER", "SALES_ADMINISTRATOR", "FINANCE_READER");
    /** The platform organisation's own roles, which only a platform admin gives (and so is offered). */
    static final List<String> PLATFORM_ROLES = List.of("PLATFORM_ADMIN", "FINANCE");

    @Inject
    Template persons;
    @Inject
    SignedIn signedIn;
    @Inject
    InvitationHandOver links;
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
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> invite(MultivaluedMap<String, String> form) {
        Set<String> roles = new LinkedHashSet<>(form.getOrDefault("roles", List.of()));
        String email = form.getFirst("email") == null ? "" : form.getFirst("email").strip();
        return tokenService.invite(signedIn.bearer(), signedIn.organisationId(), new NewInvitation(email, roles))
                .map(made -> links.redirect(made, "/persons/invitations/" + made.invitationId()))
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    /** The page after the invitation's form: its link, from the hand-over cookie, which it clears. */
    @GET
    @Path("/invitations/{invitationId}")
    @Produces(MediaType.TEXT_HTML)
    public Response invitation(@PathParam("invitationId") String invitationId, @CookieParam(HandOver.COOKIE) String cookie) {
        return links.page("/persons/invitations/" + invitationId, invitationId, cookie, false, null);
    }

    /** Resets a person's sign-in; the page after it shows the one-time link once, as an invitation's. */
    @POST
    @Path("/{personId}/reset")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> reset(@PathParam("personId") String personId) {
        return tokenService.resetSignIn(signedIn.bearer(), signedIn.organisationId(), personId)
                .map(made -> links.redirect(made, "/persons/resets/" + made.invitationId()))
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    @GET
    @Path("/resets/{invitationId}")
    @Produces(MediaType.TEXT_HTML)
    public Response resetLink(@PathParam("invitationId") String invitationId, @CookieParam(HandOver.COOKIE) String cookie) {
        return links.page("/persons/resets/" + invitationId, invitationId, cookie, true, null);
    }

    @POST
    @Path("/{personId}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> changeRoles(@PathParam("personId") String personId, MultivaluedMap<String, String> form) {
        Set<String> roles = new LinkedHashSet<>(form.getOrDefault("roles", List.of()));
        return tokenService.changeRoles(signedIn.bearer(), signedIn.organisationId(), personId, new Roles(roles))
                .map(changed -> Response.seeOther(URI.create("/persons")).build())
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    @POST
    @Path("/{personId}/remove")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> remove(@PathParam("personId") String personId) {
        return tokenService.remove(signedIn.bearer(), signedIn.organisationId(), personId)
                .map(removed -> Response.seeOther(URI.create("/persons")).build())
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(ApiProblems.detail((WebApplicationException) e), 422));
    }

    /** A person as the page shows them: with every role the form offers or they hold, and whether they hold it. */
    public record Row(String personId, String email, String displayName, java.time.Instant createdAt, boolean me, boolean resetPending,
            List<Choice> roles) {
    }

    public record Choice(String role, boolean held) {
    }

    private Uni<Response> page(String message, int status) {
        String me = signedIn.personId();
        List<String> offered = signedIn.has("PLATFORM_ADMIN")
                ? java.util.stream.Stream.concat(PLATFORM_ROLES.stream(), ROLES.stream()).toList() : ROLES;
        return tokenService.persons(signedIn.bearer(), signedIn.organisationId())
                .map(list -> list.stream().map(p -> {
                    // A held role the form would not offer stays in it: saving the form must not take it silently.
                    Set<String> shown = new LinkedHashSet<>(offered);
                    shown.addAll(p.roles());
                    return new Row(p.personId(), p.email(), p.displayName(), p.createdAt(), p.personId().equals(me), p.signInResetAt() != null,
                            shown.stream().map(r -> new Choice(r, p.roles().contains(r))).toList());
                }).toList())
                .map(rows -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(language.apply(persons.data("persons", rows).data("roles", offered).data("message", message)).render())
                        .build());
    }
}
