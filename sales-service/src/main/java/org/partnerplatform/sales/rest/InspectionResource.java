package org.partnerplatform.sales.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.sales.repository.TicketReads;
import org.partnerplatform.sales.service.TicketInspection;
import org.partnerplatform.tickets.TicketClaims;
import org.partnerplatform.tickets.Verdict;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Inspection (docs/tickets.md): an operator's inspector verifies a ticket online and syncs the disabled list for offline checks. */
@Path("/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class InspectionResource {
    private static final UUID FIRST = new UUID(0, 0);
    private final TicketInspection inspection;
    private final Caller caller;

    public InspectionResource(TicketInspection inspection, Caller caller) {
        this.inspection = inspection;
        this.caller = caller;
    }

    public record VerifyRequest(@NotBlank @Size(max = 4096) String ticket) {
    }

    public record VerdictView(boolean valid, String reason, String detail, TicketClaims claims) {
        static VerdictView of(Verdict v) {
            return new VerdictView(v.valid(), v.reason().name(), v.detail(), v.claims().orElse(null));
        }
    }

    public record DisabledPage(List<TicketReads.Disabled> items, String next) {
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Blocking
    @Operation(summary = "Verifies a signed ticket for the inspector's operator: signature, key, issuer, validity, operator, disabled; always 200 with the verdict")
    public Uni<VerdictView> verify(@NotNull @Valid VerifyRequest request) {
        return inspection.verify(request.ticket(), caller.organisationId()).map(VerdictView::of);
    }

    @GET
    @Path("/disabled")
    @RolesAllowed({ Roles.INSPECTOR, Roles.OPERATOR, Roles.PLATFORM_ADMIN })
    @Operation(summary = "The disabled (refunded) tickets of the caller's operator, in the order they were disabled, for inspectors to sync; "
            + "follow next until it is null, and start there next time. Tickets whose validity ended over a day ago are left out")
    public Uni<DisabledPage> disabled(@QueryParam("since") String since, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(5000) int limit) {
        Instant from = since == null ? Instant.EPOCH : instant(since);
        UUID afterId = after == null ? FIRST : uuid(after);
        Long operator = caller.hasRole(Roles.PLATFORM_ADMIN) ? null : caller.organisationId();
        return inspection.disabled(from, afterId, operator, limit).map(items -> {
            TicketReads.Disabled last = items.isEmpty() ? null : items.get(items.size() - 1);
            String next = items.size() < limit ? null : "/v1/tickets/disabled?since=" + last.disabledAt() + "&after=" + last.ticketId() + "&limit=" + limit;
            return new DisabledPage(items, next);
        });
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-since", "since must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-after", "after must be a ticket id");
        }
    }
}
