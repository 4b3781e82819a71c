package org.partnerplatform.sales.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.sales.repository.DayTotalsRows;
import org.partnerplatform.sales.service.DayTotalsPublisher;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Sales-service's own figures of a day per partner (what it reports to settlement as SalesDayTotals), for finance:
 * read them, or publish them again (after a fault, for a day before the publisher ran, or today in STAGING).
 */
@Path("/v1/sales-day-totals")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.FINANCE)
public class SalesDayTotalsResource {
    private final DayTotalsPublisher publisher;

    public SalesDayTotalsResource(DayTotalsPublisher publisher) {
        this.publisher = publisher;
    }

    public record PartnerTotals(long organisationId, int saleCount, String saleAmount, int refundCount, String refundAmount) {
    }

    public record DayTotals(LocalDate salesDate, String currency, List<PartnerTotals> partners) {
        static DayTotals of(LocalDate day, Map<Long, DayTotalsRows.Figures> figures) {
            return new DayTotals(day, Amounts.CURRENCY, figures.entrySet().stream().map(e -> new PartnerTotals(e.getKey(), e.getValue().saleCount(),
                    Amounts.format(e.getValue().saleAmount()), e.getValue().refundCount(), Amounts.format(e.getValue().refundAmount()))).toList());
        }
    }

    public record PublishRequest(@NotNull LocalDate salesDate) {
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "Each partner's figures of a day so far: orders first confirmed on it (amount before refunds) and credits made on it")
    public Uni<DayTotals> get(@PathParam("date") LocalDate date) {
        return publisher.figures(date).map(figures -> DayTotals.of(date, figures));
    }

    @POST
    @Path("/publications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publishes a day's totals again (one SalesDayTotals per partner); settlement reconciles against the latest")
    @APIResponse(responseCode = "202", description = "Published through the outbox; the body is what was published")
    @APIResponse(responseCode = "409", description = "The day is not over (in PRODUCTION), or lies in the future")
    public Uni<Response> publish(@NotNull @Valid PublishRequest request) {
        return publisher.publishOnRequest(request.salesDate())
                .map(figures -> Response.accepted(DayTotals.of(request.salesDate(), figures)).build());
    }
}
