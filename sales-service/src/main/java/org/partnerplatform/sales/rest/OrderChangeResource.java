package org.partnerplatform.sales.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import org.partnerplatform.sales.service.OrderLifecycle;
import org.partnerplatform.sales.service.OrderService;
import org.partnerplatform.sales.service.PlacedOrder;
import org.partnerplatform.sales.service.RefundCommand;
import org.partnerplatform.sales.service.RefundOutcome;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The changes of an order: pay and confirm (or cancel) a draft, refund lines of a confirmed order. Each honours
 * {@code If-Match} (the version the caller last saw; 412 when the order has moved on) and answers with the order's
 * ETag. An order of another organisation answers 404.
 */
@Path("/v1/orders/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PARTNER)
public class OrderChangeResource {
    private final OrderService orders;
    private final Caller caller;

    public OrderChangeResource(OrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    public record PaymentBody(@NotBlank String type, @NotBlank String amount, @NotBlank String currency, @Size(max = 200) String reference) {
    }

    /** Lines to refund by id; absent or empty: every line not yet refunded. */
    public record RefundBody(@Size(max = 50) List<@NotBlank String> orderLineIds) {
    }

    public record RefundView(String creditId, String orderId, int orderVersion, String totalCreditAmount, String totalCreditTaxAmount,
            String currency, List<String> affectedOrderLineIds, List<String> disabledTicketIds) {
    }

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay a draft: one AGENT payment (the partner collected the money) of the whole balance, in NOK")
    @APIResponse(responseCode = "200", description = "Paid: the balance is 0.00")
    @APIResponse(responseCode = "409", description = "Not a draft, expired, or already paid")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "Another payment type, another currency, or an amount other than the balance")
    public Uni<Response> pay(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PaymentBody body) {
        var payment = new OrderLifecycle.Payment(body.type(), body.amount(), body.currency(), body.reference());
        return orders.pay(caller.organisationId(), OrderHttp.orderId(id), OrderHttp.expectedVersion(ifMatch), payment).map(OrderChangeResource::ok);
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Confirm a paid draft (balance 0.00): tickets are issued and OrderConfirmed goes out; a confirmed order is returned as it is")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "409", description = "The balance is not 0.00, or the order is cancelled or expired")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Uni<Response> confirm(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return orders.confirm(caller.organisationId(), OrderHttp.orderId(id), OrderHttp.expectedVersion(ifMatch), correlationId)
                .map(OrderChangeResource::ok);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Cancel a draft that was never confirmed (no settlement effect); a cancelled order is returned as it is")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "The order is confirmed (refund it instead) or expired")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Uni<Response> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return orders.cancel(caller.organisationId(), OrderHttp.orderId(id), OrderHttp.expectedVersion(ifMatch), correlationId)
                .map(OrderChangeResource::ok);
    }

    @POST
    @Path("/refunds")
    @RolesAllowed({ Roles.PARTNER, Roles.SALES_ADMINISTRATOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund lines of a confirmed order (none named: every line not yet refunded)",
            description = "Allowed while an agreement in force gives the caller the REFUND right on the lines' products. Makes a credit of "
                    + "the lines' amounts with their VAT, the order's next version, and disables the lines' tickets; OrderRefunded goes out. "
                    + "Idempotent by the Idempotency-Key header, as sales are.")
    @APIResponse(responseCode = "201", description = "Refunded; ETag is the order's new version")
    @APIResponse(responseCode = "403", description = "No agreement gives the REFUND right (problem no-refund-right)")
    @APIResponse(responseCode = "409", description = "A line is already refunded, the order is not confirmed, or the key was used for another request")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "A line id that is not the order's")
    public Uni<Response> refund(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId, @Valid RefundBody body) {
        var command = new RefundCommand(caller.organisationId(), OrderHttp.orderId(id), OrderHttp.requireIdempotencyKey(idempotencyKey),
                body == null ? null : body.orderLineIds(), OrderHttp.expectedVersion(ifMatch));
        return orders.refundNow(command, correlationId != null ? correlationId : idempotencyKey).map(outcome -> {
            RefundView view = view(outcome);
            Response.ResponseBuilder response = outcome.replayed() ? Response.ok(view).header("Idempotent-Replayed", "true")
                    : Response.status(201).entity(view);
            return response.header("ETag", OrderHttp.of(outcome.order().order().version)).header("Location", "/v1/orders/" + view.orderId()).build();
        });
    }

    private static RefundView view(RefundOutcome o) {
        var c = o.credit();
        return new RefundView(c.id().toString(), c.orderId().toString(), c.orderVersion(), Amounts.format(c.totalAmount()),
                Amounts.format(c.totalTaxAmount()), c.currency(), o.affectedOrderLineIds().stream().map(Object::toString).toList(),
                o.disabledTicketIds().stream().map(Object::toString).toList());
    }

    private static Response ok(PlacedOrder placed) {
        OrderView view = OrderView.of(placed);
        return OrderHttp.withTag(Response.ok(view), view).build();
    }
}
