package org.partnerplatform.settlement.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.events.settlement.SettlementTotals;
import org.partnerplatform.settlement.event.SettlementEvents;
import org.partnerplatform.settlement.repository.SettlementReads;
import org.partnerplatform.settlement.repository.SettlementReads.StatementLine;
import org.partnerplatform.settlement.service.SettlementAccess;
import org.partnerplatform.settlement.service.SettlementFigures;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * An operator's statement of a settlement day: what each partner's settlements of the day (corrections included)
 * owe the operator, and the sum. FINANCE reads any; an operator (OPERATOR) its own; anyone else gets 404.
 */
@Path("/v1/operator-statements/{operator}/{date}")
@RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
@SecurityRequirement(name = "bearer")
public class OperatorStatementResource {
    private final Caller caller;
    private final Pool pool;

    public OperatorStatementResource(Caller caller, Pool pool) {
        this.caller = caller;
        this.pool = pool;
    }

    public record Line(String settlementId, long partnerOrganisationId, long settlementNo, String kind, Long correctedSettlementNo,
            SettlementTotals figures) {
    }

    public record StatementView(long operatorOrganisationId, LocalDate settlementDate, String currency, List<Line> settlements,
            SettlementTotals totals) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the partners' settlements of the day owe the operator")
    public Uni<StatementView> get(@PathParam("operator") long operator, @PathParam("date") LocalDate date) {
        return lines(operator, date).map(lines -> {
            SettlementFigures sum = lines.stream().map(StatementLine::operatorFigures).reduce(SettlementFigures.NONE, SettlementFigures::plus);
            return new StatementView(operator, date, "NOK", lines.stream().map(l -> new Line(l.settlement().id().toString(),
                    l.settlement().partnerOrganisationId(), l.settlement().settlementNo(), l.settlement().kind(), l.settlement().correctedSettlementNo(),
                    SettlementEvents.totals(operator, l.operatorFigures()))).toList(), SettlementEvents.totals(operator, sum));
        });
    }

    @GET
    @Path("/statement.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The statement as CSV for a spreadsheet with Norwegian settings (docs/settlement.md)")
    public Uni<Response> csv(@PathParam("operator") long operator, @PathParam("date") LocalDate date) {
        return lines(operator, date).map(lines -> Response.ok(SettlementCsv.statement(operator, lines))
                .header("Content-Disposition", "attachment; filename=\"operator-statement-" + operator + "-" + date + ".csv\"").build());
    }

    private Uni<List<StatementLine>> lines(long operator, LocalDate date) {
        if (!SettlementAccess.mayReadStatementOf(caller, operator)) {
            throw ProblemException.notFound("the statements of organisation " + operator);
        }
        return SettlementReads.statement(pool, operator, date);
    }
}
