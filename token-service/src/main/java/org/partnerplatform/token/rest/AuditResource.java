package org.partnerplatform.token.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.repository.AuditEvent;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** An organisation's audit log, newest first, for its administrators (and platform admins). */
@Path("/v1/organisations/{organisationId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.KLIENTADMINISTRATOR, Roles.BRUKERADMINISTRATOR })
@SecurityRequirement(name = "bearer")
public class AuditResource {
    private final Caller caller;

    public AuditResource(Caller caller) {
        this.caller = caller;
    }

    public record AuditEventView(long id, Instant occurredAt, String actor, AuditEvent.Action action, String subject, String details) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.subject, e.details);
        }
    }

    /** A page of the log; {@code next} reads the older entries, null at the oldest. */
    public record AuditPage(List<AuditEventView> items, String next) {
    }

    @GET
    @WithSession
    @Operation(summary = "Who did what to the organisation's clients and persons, and who signed in, newest first")
    public Uni<AuditPage> page(@PathParam("organisationId") long organisationId, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @Context UriInfo uri) {
        if (!caller.actsFor(organisationId)) {
            throw ProblemException.notFound("organisation " + organisationId);
        }
        return AuditEvent.page(organisationId, before, limit).map(events -> new AuditPage(events.stream().map(AuditEventView::of).toList(),
                events.size() < limit ? null
                        : uri.getRequestUriBuilder().replaceQueryParam("before", events.get(events.size() - 1).id).build().toString()));
    }
}
