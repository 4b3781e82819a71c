package org.partnerplatform.token.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.rest.PersonViews.InvitationRequest;
import org.partnerplatform.token.rest.PersonViews.InvitationView;
import org.partnerplatform.token.service.persons.PersonService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Invitations of persons to an organisation: a platform admin invites an organisation's first administrator, its
 * user administrators (BRUKERADMINISTRATOR) invite the others. There is no mail server: the one-time link is in the
 * answer, for the inviter to hand over, and never shown again.
 */
@Path("/v1/organisations/{organisationId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BRUKERADMINISTRATOR })
@SecurityRequirement(name = "bearer")
public class InvitationResource {
    private final PersonService persons;
    private final Caller caller;
    private final PublicLinks links;

    public InvitationResource(PersonService persons, Caller caller, PublicLinks links) {
        this.persons = persons;
        this.caller = caller;
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a person; the answer holds the one-time link, which is never shown again")
    public Uni<Response> invite(@PathParam("organisationId") long organisationId, @Valid @NotNull InvitationRequest request) {
        requireManages(organisationId);
        return persons.invite(organisationId, request.email(), request.roles(), isPlatformAdmin(), caller.actor())
                .map(created -> Response.status(201).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .entity(InvitationView.of(created.invitation(), links.invitation(created.token())))
                        .build());
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
