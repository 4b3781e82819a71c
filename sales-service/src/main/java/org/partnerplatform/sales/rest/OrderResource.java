package org.partnerplatform.sales.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.sales.repository.OrderChanges;
import org.partnerplatform.sales.service.OrderService;
import org.partnerplatform.sales.service.SaleCommand;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** Orders: reserve a draft, list the caller's orders, read one as it is or as it was at a past version. */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class OrderResource {
    private final SaleService sales;
    private final OrderService orders;
    private final Caller caller;

    public OrderResource(SaleService sales, OrderService orders, Caller caller) {
        this.sales = sales;
        this.orders = orders;
        this.caller = caller;
    }

    /** One page of the caller's orders, newest first; page counts from 0. */
    public record OrderPageView(List<OrderSummaryView> items, int page, int pageSize, long totalItems) {
    }

    public record OrderSummaryView(String id, String status, int version, String balance, String currency, String totalAmount,
            String totalTaxAmount, String externalReference, Instant createdAt, Instant lastConfirmedAt, Instant expireAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Reserve: a DRAFT order with priced lines, balance = total, expiring at expireAt",
            description = "Checked against the caller's agreements and priced from the catalog. Pay it (payments), then confirm it before "
                    + "expireAt, or cancel it. Idempotent by the Idempotency-Key header: the same key and body returns the first order "
                    + "(200, Idempotent-Replayed: true); the same key with another body answers 409. A refusal is not stored: the same "
                    + "key may be sent again once its cause is gone.")
    @APIResponse(responseCode = "201", description = "Reserved; ETag is the order's version")
    @APIResponse(responseCode = "403", description = "No agreement covers the lines (problem no-agreement)")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request")
    @APIResponse(responseCode = "422", description = "Unknown product, not on sale, no price for the user profile, several operators")
    public Uni<Response> reserve(@HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Correlation-Id") String correlationId,
            @Valid @NotNull SaleRequestBody body) {
        SaleCommand command = OrderHttp.command(SaleCommand.Mode.RESERVE, caller.organisationId(), idempotencyKey, body);
        return sales.sellNow(command, SaleService.Channel.REST, correlationId != null ? correlationId : idempotencyKey).map(OrderHttp::placed);
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR })
    @Operation(summary = "The caller's own orders, newest first, filtered by status, creation time and external reference")
    public Uni<OrderPageView> list(
            @QueryParam("status") @Pattern(regexp = "^(DRAFT|CONFIRMED|CANCELLED|EXPIRED)$") String status,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("createdTo") String createdTo,
            @QueryParam("externalReference") @Size(max = 200) String externalReference,
            @Parameter(description = "From 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("pageSize") @DefaultValue("50") @Min(1) @Max(500) int pageSize) {
        var filter = new OrderChanges.Filter(caller.organisationId(), status, instant("createdFrom", createdFrom), instant("createdTo", createdTo),
                externalReference);
        return orders.list(filter, page, pageSize).map(p -> new OrderPageView(p.orders().stream()
                .map(o -> new OrderSummaryView(o.id.toString(), o.status, o.version, format(o.balance), o.currency, format(o.totalAmount),
                        format(o.totalTaxAmount), o.externalReference, o.createdAt, o.lastConfirmedAt, o.expireAt))
                .toList(), page, pageSize, p.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR, Roles.PLATFORM_ADMIN, Roles.FINANCE })
    @Operation(summary = "An order of the caller's organisation (another organisation's order answers 404); ETag is its version")
    public Uni<Response> get(@PathParam("id") String id) {
        return visible(id).map(placed -> {
            OrderView view = OrderView.of(placed);
            return OrderHttp.withTag(Response.ok(view), view).build();
        });
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({ Roles.PARTNER, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR, Roles.PLATFORM_ADMIN, Roles.FINANCE })
    @Operation(summary = "An order as it was at a past version (a refund makes a new version); 404 for a version it never had")
    public Uni<Response> version(@PathParam("id") String id, @PathParam("version") int version) {
        return visible(id).map(placed -> {
            if (version < 1 || version > placed.order().version) {
                throw ProblemException.notFound("version " + version + " of order " + id);
            }
            OrderView view = OrderView.at(placed, version);
            return OrderHttp.withTag(Response.ok(view), view).build();
        });
    }

    private Uni<org.partnerplatform.sales.service.PlacedOrder> visible(String id) {
        return OrderHttp.visible(sales, caller, id);
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-" + name, name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static String format(java.math.BigDecimal amount) {
        return org.partnerplatform.events.Amounts.format(amount);
    }
}
