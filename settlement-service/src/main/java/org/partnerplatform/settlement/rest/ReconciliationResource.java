package org.partnerplatform.settlement.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.events.settlement.SettlementReconciled;
import org.partnerplatform.settlement.event.SettlementEvents;
import org.partnerplatform.settlement.repository.SettlementReads;
import org.partnerplatform.settlement.service.Reconciliation;
import org.partnerplatform.settlement.service.ReconciliationService;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The reconciliation of each partner's day against sales-service's own figures, for finance (at most 1000, newest first). */
@Path("/v1/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FINANCE)
@SecurityRequirement(name = "bearer")
public class ReconciliationResource {
    private final Pool pool;
    private final ReconciliationService reconciliations;

    public ReconciliationResource(Pool pool, ReconciliationService reconciliations) {
        this.pool = pool;
        this.reconciliations = reconciliations;
    }

    public record ReconciliationView(long partnerOrganisationId, LocalDate settlementDate, String status, SettlementReconciled.DayFigures reported,
            SettlementReconciled.DayFigures settled, SettlementReconciled.DayFigures difference, Instant reconciledAt) {

        static ReconciliationView of(Reconciliation r) {
            SettlementReconciled e = SettlementEvents.reconciled(r);
            return new ReconciliationView(e.partnerOrganisationId(), e.settlementDate(), e.status(), e.reported(), e.settled(), e.difference(),
                    e.reconciledAt());
        }
    }

    /** A partner's day with closed settlements (how many) and no report of it from sales-service. */
    public record UnreportedView(long partnerOrganisationId, LocalDate settlementDate, int settlements) {
    }

    @GET
    @Operation(summary = "Reconciliations: PENDING, MATCHED, or MISMATCH with difference = settled - reported")
    public Uni<List<ReconciliationView>> list(@QueryParam("partner") Long partner, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("status") @Pattern(regexp = "^(PENDING|MATCHED|MISMATCH)$") String status) {
        return SettlementReads.reconciliations(pool, partner, from, to, status).map(list -> list.stream().map(ReconciliationView::of).toList());
    }

    @GET
    @Path("/unreported")
    @Operation(summary = "Settled partner days that sales-service has not reported (platform.settlement.report-wait after their close)",
            description = "Nothing reconciles these days; ask sales-service to publish their totals (POST /v1/sales-day-totals/publications)")
    public Uni<List<UnreportedView>> unreported() {
        return reconciliations.unreported(1000).map(days -> days.stream()
                .map(d -> new UnreportedView(d.partnerOrganisationId(), d.settlementDate(), d.settlements())).toList());
    }
}
