package org.partnerplatform.token.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.rest.PersonViews.PersonView;
import org.partnerplatform.token.rest.PersonViews.RolesRequest;
import org.partnerplatform.token.service.persons.PersonService;
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
    private final Caller caller;

    public PersonResource(PersonService persons, Caller caller) {
        this.persons = persons;
        this.caller = caller;
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
        return persons.changeRoles(organisationId, personId, request.roles(), isPlatformAdmin(), caller.actor()).map(PersonView::of);
    }

    @DELETE
    @Path("/{personId}")
    @Operation(summary = "Remove a person: they can no longer sign in, and their tokens are refused here")
    public Uni<Response> remove(@PathParam("organisationId") long organisationId, @PathParam("personId") String personId) {
        requireManages(organisationId);
        if (caller.personId().filter(personId::equals).isPresent()) {
            throw ProblemException.conflict("own-person", "a person cannot remove themselves; ask another administrator");
        }
        return persons.remove(organisationId, personId, isPlatformAdmin(), caller.actor()).replaceWith(Response.noContent().build());
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
