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

    public ReconciliationResource(Pool pool) {
        this.pool = pool;
    }

    public record ReconciliationView(long partnerOrganisationId, LocalDate settlementDate, String status, SettlementReconciled.DayFigures reported,
            SettlementReconciled.DayFigures settled, SettlementReconciled.DayFigures difference, Instant reconciledAt) {

        static ReconciliationView of(Reconciliation r) {
            SettlementReconciled e = SettlementEvents.reconciled(r);
            return new ReconciliationView(e.partnerOrganisationId(), e.settlementDate(), e.status(), e.reported(), e.settled(), e.difference(),
                    e.reconciledAt());
        }
    }

    @GET
    @Operation(summary = "Reconciliations: PENDING, MATCHED, or MISMATCH with difference = settled - reported")
    public Uni<List<ReconciliationView>> list(@QueryParam("partner") Long partner, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("status") @Pattern(regexp = "^(PENDING|MATCHED|MISMATCH)$") String status) {
        return SettlementReads.reconciliations(pool, partner, from, to, status).map(list -> list.stream().map(ReconciliationView::of).toList());
    }
}
