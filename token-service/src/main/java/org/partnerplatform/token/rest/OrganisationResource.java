package org.partnerplatform.token.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.messaging.PartnerTopicProvisioner;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.OrganisationType;
import org.partnerplatform.token.service.OrganisationService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Organisations: registered, listed, suspended and certified by platform admins, readable by their own clients. */
@Path("/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class OrganisationResource {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OrganisationResource.class);
    static final int MAX_PAGE_SIZE = 200;

    private final OrganisationService organisations;
    private final Caller caller;

    private final PartnerTopicProvisioner partnerTopics;
    private final TokenConfig.PartnerTopicsConfig partnerTopicsConfig;

    public OrganisationResource(OrganisationService organisations, Caller caller, PartnerTopicProvisioner partnerTopics, TokenConfig config) {
        this.organisations = organisations;
        this.caller = caller;
        this.partnerTopics = partnerTopics;
        this.partnerTopicsConfig = config.partnerTopics();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a partner or an operator; publishes OrganisationRegistered and creates a partner's topics")
    public Uni<Response> register(@Valid @NotNull CreateOrganisationRequest request, @Context UriInfo uri) {
        return organisations.register(request.name(), request.type(), request.codespace())
                .invoke(o -> LOG.infof("registered %s organisation %d", o.type, o.organisationId)) // committed by now
                .call(o -> o.type == OrganisationType.PARTNER ? partnerTopics.afterRegistration(o.organisationId) : Uni.createFrom().voidItem())
                .map(o -> Response.created(uri.getAbsolutePathBuilder().path(Long.toString(o.organisationId)).build())
                        .entity(OrganisationView.of(o)).build());
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Every organisation, a page at a time, in id order; optionally only those of one status")
    public Uni<OrganisationPageView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @QueryParam("status") String status) {
        // Read as text: JAX-RS answers 404 to a query parameter it cannot convert, and this is a bad request.
        OrganisationStatus wanted;
        try {
            wanted = status == null || status.isEmpty() ? null : OrganisationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "status must be one of ACTIVE, SUSPENDED");
        }
        return organisations.list(wanted, page, size).map(OrganisationPageView::of);
    }

    @POST
    @Path("/{organisationId}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Suspend an organisation: its clients get no tokens and their tokens are refused here; publishes OrganisationStatusChanged")
    public Uni<OrganisationView> suspend(@PathParam("organisationId") long organisationId, @Valid @NotNull StatusChangeRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.badRequest("reason-required", "a suspension needs a reason");
        }
        return organisations.suspend(organisationId, request.reason(), caller.actor()).map(OrganisationView::of);
    }

    @POST
    @Path("/{organisationId}/reinstate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Reinstate a suspended organisation; publishes OrganisationStatusChanged. The body (a reason) is optional")
    @Consumes(MediaType.WILDCARD)
    public Uni<OrganisationView> reinstate(@PathParam("organisationId") long organisationId, String body) {
        StatusChangeRequest request = OptionalBody.read(body, StatusChangeRequest.class);
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 500) {
            throw ProblemException.badRequest("reason-too-long", "a reason has at most 500 characters");
        }
        return organisations.reinstate(organisationId, reason, caller.actor()).map(OrganisationView::of);
    }

    @PUT
    @Path("/{organisationId}/certification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Set the certification (CERTIFIED needs an evidenceReference); publishes OrganisationCertificationChanged")
    public Uni<OrganisationView> certify(@PathParam("organisationId") long organisationId, @Valid @NotNull CertificationRequest request) {
        return organisations.certify(organisationId, request.certification(), request.evidenceReference(), caller.actor())
                .map(OrganisationView::of);
    }

    @GET
    @Path("/{organisationId}")
    @Authenticated
    @Operation(summary = "An organisation: platform admins see any, other callers only their own")
    public Uni<OrganisationView> get(@PathParam("organisationId") long organisationId) {
        if (!caller.actsFor(organisationId)) {
            // Another organisation is answered as if it did not exist.
            throw ProblemException.notFound("organisation " + organisationId);
        }
        return organisations.find(organisationId).map(o -> {
            if (o == null) {
                throw ProblemException.notFound("organisation " + organisationId);
            }
            return OrganisationView.of(o);
        });
    }

    @GET
    @Path("/{organisationId}/kafka-resources")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "A partner's Strimzi KafkaTopics and KafkaUser (its ACLs), as a List for kubectl apply")
    public Uni<Map<String, Object>> kafkaResources(@PathParam("organisationId") long organisationId) {
        return organisations.find(organisationId).map(o -> {
            if (o == null) {
                throw ProblemException.notFound("organisation " + organisationId);
            }
            if (o.type != OrganisationType.PARTNER) {
                throw ProblemException.conflict("not-a-partner", "organisation " + organisationId + " is " + o.type
                        + ": only partners have topics and a Kafka user of their own");
            }
            return PartnerKafkaResources.render(organisationId, partnerTopicsConfig.strimziCluster(), partnerTopicsConfig.replicationFactor(),
                    partnerTopicsConfig.minInsyncReplicas());
        });
    }
}
