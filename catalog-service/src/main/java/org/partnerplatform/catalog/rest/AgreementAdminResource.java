package org.partnerplatform.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.events.Environment;
import org.partnerplatform.catalog.repository.Agreement;
import org.partnerplatform.catalog.service.AgreementService;
import org.partnerplatform.catalog.service.AgreementTransition;
import org.partnerplatform.catalog.service.NewAgreement;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The platform's admins write three-party agreements and make their products ready for use per environment.
 * Every change is recorded in the agreement's history and published in full on catalog.agreements. Status changes
 * and readiness take an optional If-Match with the version that was read.
 */
@Path("/v1/admin/agreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Agreements (platform admin)")
public class AgreementAdminResource {
    private final AgreementService agreements;
    private final Caller caller;

    public AgreementAdminResource(AgreementService agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an agreement as a DRAFT")
    public Uni<Response> create(@Valid @NotNull NewAgreement body, @Context UriInfo uri) {
        return agreements.create(body, caller.actor())
                .map(a -> withVersion(Response.created(uri.getAbsolutePathBuilder().path(a.id).build()), a).build());
    }

    @GET
    @Operation(summary = "Agreements of a partner and/or an operator, oldest first")
    public Uni<List<AgreementView>> list(@QueryParam("partnerOrganisationId") Long partnerOrganisationId,
            @QueryParam("operatorOrganisationId") Long operatorOrganisationId) {
        return agreements.list(partnerOrganisationId, operatorOrganisationId).map(list -> list.stream().map(AgreementView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agreement; its ETag is its version")
    public Uni<Response> get(@PathParam("id") String id) {
        return agreements.get(id).map(a -> withVersion(Response.ok(), a).build());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Who did what to the agreement, and when, oldest first")
    public Uni<List<AgreementHistoryView>> history(@PathParam("id") String id) {
        return agreements.history(id).map(list -> list.stream().map(AgreementHistoryView::of).toList());
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "DRAFT -> ACTIVE")
    public Uni<Response> activate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(id, AgreementTransition.ACTIVATE, ifMatch);
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(summary = "ACTIVE -> SUSPENDED: the partner's catalog no longer shows the agreement's products")
    public Uni<Response> suspend(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(id, AgreementTransition.SUSPEND, ifMatch);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "SUSPENDED -> ACTIVE")
    public Uni<Response> resume(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(id, AgreementTransition.RESUME, ifMatch);
    }

    @POST
    @Path("/{id}/terminate")
    @Operation(summary = "DRAFT, ACTIVE or SUSPENDED -> TERMINATED, which is final")
    public Uni<Response> terminate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(id, AgreementTransition.TERMINATE, ifMatch);
    }

    @PUT
    @Path("/{id}/readiness/{environment}")
    @Operation(summary = "Make the agreement's products ready for use in an environment",
            description = "Idempotent. The first time, the partner is notified on catalog.notifications.<partnerOrganisationId>.")
    public Uni<Response> makeReady(@PathParam("id") String id, @PathParam("environment") String environment,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return agreements.makeReady(id, environment(environment), EntityTags.versionOf(ifMatch), caller.actor())
                .map(a -> withVersion(Response.ok(), a).build());
    }

    @DELETE
    @Path("/{id}/readiness/{environment}")
    @Operation(summary = "Withdraw readiness in an environment (idempotent)")
    public Uni<Response> withdrawReadiness(@PathParam("id") String id, @PathParam("environment") String environment,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return agreements.withdrawReadiness(id, environment(environment), EntityTags.versionOf(ifMatch), caller.actor())
                .map(a -> withVersion(Response.ok(), a).build());
    }

    private Uni<Response> transition(String id, AgreementTransition transition, String ifMatch) {
        return agreements.transition(id, transition, EntityTags.versionOf(ifMatch), caller.actor())
                .map(a -> withVersion(Response.ok(), a).build());
    }

    private static Environment environment(String name) {
        return Environment.parse(name).orElseThrow(() -> ProblemException.badRequest("unknown-environment",
                "environment must be one of " + List.of(Environment.values()) + ", not " + name));
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, Agreement agreement) {
        return response.entity(AgreementView.of(agreement)).tag(EntityTags.ofVersion(agreement.version));
    }
}
