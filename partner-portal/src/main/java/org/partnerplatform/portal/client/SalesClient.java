package org.partnerplatform.portal.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** sales-service's order API, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "sales-service")
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SalesClient {

    record OrderPage(List<OrderSummary> items, int page, int pageSize, long totalItems) {
    }

    record OrderSummary(String id, String status, int version, String balance, String currency, String totalAmount, String totalTaxAmount,
            String externalReference, Instant createdAt, Instant lastConfirmedAt, Instant expireAt) {
    }

    record Order(String id, String status, int version, String balance, String currency, String totalAmount, String totalTaxAmount,
            String distributionChannelId, String agreementId, String externalReference, Instant createdAt, Instant lastConfirmedAt,
            List<Line> orderLines, List<Ticket> tickets, List<Credit> credits) {
    }

    record Line(String lineId, String productId, String userProfile, int quantity, String unitPrice, String amount, String taxAmount,
            String taxRate, String status, String creditId) {
    }

    record Ticket(String id, String orderLineId, String productId, String userProfile, String status) {
    }

    record Credit(String creditId, int orderVersion, String totalCreditAmount, String totalCreditTaxAmount, String currency, String status,
            Instant createdAt) {
    }

    record RefundLines(List<String> orderLineIds) {
    }

    record Refund(String creditId, String orderId, int orderVersion, String totalCreditAmount, String currency,
            List<String> affectedOrderLineIds) {
    }

    @GET
    Uni<OrderPage> orders(@HeaderParam("Authorization") String bearer, @QueryParam("status") String status,
            @QueryParam("externalReference") String externalReference, @QueryParam("page") int page, @QueryParam("pageSize") int pageSize);

    @GET
    @Path("/{id}")
    Uni<Order> order(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/refunds")
    Uni<Refund> refund(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id, RefundLines lines);
}
