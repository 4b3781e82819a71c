package org.partnerplatform.settlement.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.settlement.config.SettlementConfig;
import org.partnerplatform.settlement.repository.LedgerEntry;
import org.partnerplatform.settlement.repository.SettlementReads;
import org.partnerplatform.settlement.repository.Settlements.PartnerDay;
import org.partnerplatform.settlement.service.Settlement;
import org.partnerplatform.settlement.service.SettlementAccess;
import org.partnerplatform.settlement.service.SettlementCloser;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Closed settlements: FINANCE reads all of them, a partner its own; another partner's settlement answers 404 as if
 * it did not exist. Downloads: the settlement's entries as CSV (dialect in {@link Csv}) and the clearing export.
 */
@Path("/v1/settlements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.FINANCE, Roles.PARTNER, Roles.FINANCE_READER })
@SecurityRequirement(name = "bearer")
public class SettlementResource {
    private final Caller caller;
    private final Pool pool;
    private final SettlementCloser closer;
    private final String distributionChannelRef;

    public SettlementResource(Caller caller, Pool pool, SettlementCloser closer, SettlementConfig config) {
        this.caller = caller;
        this.pool = pool;
        this.closer = closer;
        this.distributionChannelRef = config.clearing().distributionChannelRef();
    }

    public record CloseRequest(@NotNull @Min(1) Long partnerOrganisationId, @NotNull LocalDate settlementDate) {
    }

    @GET
    @Operation(summary = "Closed settlements, newest day first; a partner sees its own")
    public Uni<SettlementView.Page> list(@QueryParam("partner") Long partner, @QueryParam("operator") Long operator,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("kind") @Pattern(regexp = "^(ORDINARY|CORRECTION)$") String kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("pageSize") @DefaultValue("50") @Min(1) @Max(500) int pageSize) {
        Long scope = SettlementAccess.partnerScope(caller, partner).orElse(null);
        if (scope != null && !SettlementAccess.mayReadSettlementsOf(caller, scope)) {
            throw ProblemException.notFound("the settlements of organisation " + scope);
        }
        return SettlementReads.list(pool, new SettlementReads.Filter(scope, operator, from, to, kind), page, pageSize)
                .map(p -> new SettlementView.Page(p.settlements().stream().map(SettlementView::of).toList(), page, pageSize, p.total()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A settlement with its totals per operator")
    public Uni<SettlementView> get(@PathParam("id") UUID id) {
        return readable(id).map(SettlementView::of);
    }

    @GET
    @Path("/{id}/entries.csv")
    @Produces(Csv.MEDIA_TYPE)
    @WithSession
    @Operation(summary = "The settlement's entries as CSV for a spreadsheet with Norwegian settings (docs/settlement.md)")
    public Uni<Response> csv(@PathParam("id") UUID id) {
        return readable(id).chain(s -> LedgerEntry.ofSettlement(s.id()).map(entries -> Response.ok(SettlementCsv.entries(s, entries))
                .header("Content-Disposition", "attachment; filename=\"settlement-" + s.partnerOrganisationId() + "-" + s.settlementNo() + ".csv\"")
                .build()));
    }

    @GET
    @Path("/{id}/clearing")
    @WithSession
    @Operation(summary = "The settlement in the shape of the hub's clearing import")
    public Uni<ClearingExport> clearing(@PathParam("id") UUID id) {
        return readable(id).chain(s -> LedgerEntry.ofSettlement(s.id()).map(entries -> ClearingExport.of(distributionChannelRef, s, entries)));
    }

    @POST
    @Path("/closings")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Closes a partner's day now: a due day without waiting for the schedule; a day not due only where early closes are on")
    public Uni<Response> close(@NotNull @jakarta.validation.Valid CloseRequest request) {
        return closer.closeOnRequest(new PartnerDay(request.partnerOrganisationId(), request.settlementDate()))
                .map(s -> Response.status(201).entity(SettlementView.of(s)).header("Location", "/v1/settlements/" + s.id()).build());
    }

    private Uni<Settlement> readable(UUID id) {
        return SettlementReads.byId(pool, id).map(found -> found
                .filter(s -> SettlementAccess.mayReadSettlementsOf(caller, s.partnerOrganisationId()))
                .orElseThrow(() -> ProblemException.notFound("settlement " + id)));
    }
}
