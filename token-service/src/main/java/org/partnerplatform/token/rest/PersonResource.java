package org.partnerplatform.token.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.rest.PersonViews.InvitationView;
import org.partnerplatform.token.rest.PersonViews.PersonView;
import org.partnerplatform.token.rest.PersonViews.RolesRequest;
import org.partnerplatform.token.service.persons.PersonService;
import org.partnerplatform.token.service.persons.SignInResets;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * An organisation's persons, managed by platform admins and by the organisation's own user administrators
 * (BRUKERADMINISTRATOR). They come from invitations ({@link InvitationResource}). Another organisation's persons
 * answer 404, as if they did not exist.
 */
@Path("/v1/organisations/{organisationId}/persons")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BRUKERADMINISTRATOR })
@SecurityRequirement(name = "bearer")
public class PersonResource {
    private final PersonService persons;
    private final SignInResets resets;
    private final Caller caller;
    private final PublicLinks links;

    public PersonResource(PersonService persons, SignInResets resets, Caller caller, PublicLinks links) {
        this.persons = persons;
        this.resets = resets;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @Operation(summary = "The organisation's persons, oldest first")
    public Uni<List<PersonView>> list(@PathParam("organisationId") long organisationId) {
        requireManages(organisationId);
        return persons.list(organisationId).map(list -> list.stream().map(PersonView::of).toList());
    }

    @PUT
    @Path("/{personId}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a person's roles (effective at their next sign-in)")
    public Uni<PersonView> changeRoles(@PathParam("organisationId") long organisationId, @PathParam("personId") String personId,
            @Valid @NotNull RolesRequest request) {
        requireManages(organisationId);
        // Nobody gives themselves more, or takes their own last means to manage (the platform keeps a platform admin).
        requireNotOneself(personId, "change their own roles");
        return persons.changeRoles(organisationId, personId, request.roles(), isPlatformAdmin(), caller.actor()).map(PersonView::of);
    }

    @DELETE
    @Path("/{personId}")
    @Operation(summary = "Remove a person: they can no longer sign in, and their tokens are refused here")
    public Uni<Response> remove(@PathParam("organisationId") long organisationId, @PathParam("personId") String personId) {
        requireManages(organisationId);
        requireNotOneself(personId, "remove themselves");
        return persons.remove(organisationId, personId, isPlatformAdmin(), caller.actor()).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{personId}/sign-in-reset")
    @Operation(summary = "Reset a person's sign-in: their password and second factor stop working at once, and the answer holds the "
            + "one-time link where they set new ones, which is never shown again")
    public Uni<Response> resetSignIn(@PathParam("organisationId") long organisationId, @PathParam("personId") String personId) {
        requireManages(organisationId);
        requireNotOneself(personId, "reset their own sign-in");
        return resets.reset(organisationId, personId, isPlatformAdmin(), caller.actor())
                .map(created -> Response.status(201).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .entity(InvitationView.of(created.invitation(), links.invitation(created.token())))
                        .build());
    }

    private void requireNotOneself(String personId, String what) {
        if (caller.personId().filter(personId::equals).isPresent()) {
            throw ProblemException.conflict("own-person", "a person cannot " + what + "; ask another administrator");
        }
    }

    private void requireManages(long organisationId) {
        if (!caller.actsFor(organisationId)) {
            throw ProblemException.notFound("organisation " + organisationId);
        }
    }

    private boolean isPlatformAdmin() {
        return caller.hasRole(Roles.PLATFORM_ADMIN);
    }
}
