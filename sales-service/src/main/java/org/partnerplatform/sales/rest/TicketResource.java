package org.partnerplatform.sales.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.sales.repository.Ticket;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.sales.service.TicketIssuer;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * An order's tickets with their signed form (docs/tickets.md), and each as a QR code, for the partner that sold them
 * (usable tickets are its to hand out; finance reads orders, not tickets). Another organisation's order answers 404.
 * Signing and drawing are CPU work, so these run on a worker thread, not on the event loop.
 */
@Path("/v1/orders/{id}/tickets")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PARTNER)
@Blocking
public class TicketResource {
    private final SaleService sales;
    private final Caller caller;

    private final TicketIssuer issuer;

    public TicketResource(SaleService sales, Caller caller, TicketIssuer issuer) {
        this.sales = sales;
        this.caller = caller;
        this.issuer = issuer;
    }

    /** A ticket; {@code signedTicket} is the compact JWS an inspector verifies, null for tickets issued before signing. */
    public record TicketView(String ticketId, String orderId, String orderLineId, String productId, String userProfile, String status,
            Instant validFrom, Instant validTo, String signingKeyId, String signedTicket, int signedTicketBytes, String qrCode) {
        static TicketView of(Ticket t) {
            String signed = t.signed;
            return new TicketView(t.id.toString(), t.orderId.toString(), t.orderLineId.toString(), t.productId, t.userProfile, t.status,
                    t.validFrom, t.validTo, t.signingKeyId, signed, signed == null ? 0 : signed.length(),
                    signed == null ? null : "/v1/orders/" + t.orderId + "/tickets/" + t.id + ".png");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The order's tickets, each with its validity and signed form (ES256 JWS; keys at /.well-known/ticket-keys.json)")
    public Uni<List<TicketView>> list(@PathParam("id") String id) {
        return OrderHttp.visible(sales, caller, id).chain(placed -> issuer.signUnsigned(placed.tickets()))
                .map(tickets -> tickets.stream().map(TicketView::of).toList());
    }

    @GET
    @Path("/{ticketId}.png")
    @Produces("image/png")
    @Operation(summary = "A ticket's signed form as a QR code (PNG) to show on a phone")
    @APIResponse(responseCode = "200", description = "The QR code", content = @Content(mediaType = "image/png",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such ticket of the partner's order, a disabled (refunded) one, or one issued before tickets were signed")
    public Uni<Response> qrCode(@PathParam("id") String id, @PathParam("ticketId") String ticketId) {
        return OrderHttp.visible(sales, caller, id).chain(placed -> issuer.signUnsigned(placed.tickets().stream()
                .filter(t -> t.id.toString().equals(ticketId)).toList())).map(found -> {
                    Ticket ticket = found.stream().filter(t -> t.signed != null && Ticket.ISSUED.equals(t.status)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("issued, signed ticket " + ticketId + " of order " + id));
                    return Response.ok(QrCodes.png(ticket.signed), "image/png").header("Cache-Control", "private, no-store").build();
                });
    }
}
