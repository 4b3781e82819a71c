package org.partnerplatform.settlement.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.settlement.repository.LedgerEntry;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The ledger, read by finance (every partner) and by partners (their own entries only; another partner's ledger
 * answers 404 as if it did not exist).
 */
@Path("/v1/settlement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.FINANCE, Roles.PLATFORM_ADMIN, Roles.PARTNER })
@SecurityRequirement(name = "bearer")
@WithSession
public class LedgerResource {
    private final Caller caller;

    public LedgerResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/partners/{partnerOrganisationId}/entries")
    @Operation(summary = "A partner's ledger entries, oldest first")
    public Uni<List<LedgerEntryView>> entries(@PathParam("partnerOrganisationId") long partnerOrganisationId) {
        requireMayRead(partnerOrganisationId);
        return LedgerEntry.ofPartner(partnerOrganisationId).map(list -> list.stream().map(LedgerEntryView::of).toList());
    }

    @GET
    @Path("/partners/{partnerOrganisationId}/summary")
    @Operation(summary = "Totals of a partner's ledger")
    public Uni<LedgerSummaryView> summary(@PathParam("partnerOrganisationId") long partnerOrganisationId) {
        requireMayRead(partnerOrganisationId);
        return LedgerEntry.ofPartner(partnerOrganisationId).map(list -> LedgerSummaryView.of(partnerOrganisationId, list));
    }

    @GET
    @Path("/entries")
    @Operation(summary = "Ledger entries of one order")
    public Uni<List<LedgerEntryView>> entriesOfOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw ProblemException.badRequest("missing-order-id", "the query parameter orderId is required");
        }
        return LedgerEntry.ofOrder(orderId).map(list -> list.stream()
                .filter(e -> mayRead(e.partnerOrganisationId))
                .map(LedgerEntryView::of).toList());
    }

    private boolean mayRead(long partnerOrganisationId) {
        return caller.hasRole(Roles.FINANCE) || caller.actsFor(partnerOrganisationId);
    }

    private void requireMayRead(long partnerOrganisationId) {
        if (!mayRead(partnerOrganisationId)) {
            throw ProblemException.notFound("the ledger of organisation " + partnerOrganisationId);
        }
    }
}
