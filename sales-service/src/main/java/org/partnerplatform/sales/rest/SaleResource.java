package org.partnerplatform.sales.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.sales.service.SaleCommand;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** The one-call sale: reserve, pay the whole balance as AGENT and confirm, in one transaction. */
@Path("/v1/sales")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SaleResource {
    private final SaleService sales;
    private final Caller caller;

    public SaleResource(SaleService sales, Caller caller) {
        this.sales = sales;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Sell in one call: reserve, pay (AGENT, the whole balance) and confirm; answered with the confirmed order",
            description = "The same body as POST /v1/orders and the same rules as a Kafka SaleRequest. Idempotent by the Idempotency-Key "
                    + "header: the same key and body returns the first order (200, Idempotent-Replayed: true); another body answers 409.")
    @APIResponse(responseCode = "201", description = "Confirmed, tickets issued; ETag is the order's version")
    @APIResponse(responseCode = "403", description = "No agreement covers the lines (problem no-agreement)")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request")
    @APIResponse(responseCode = "422", description = "Unknown product, not on sale, no price for the user profile, several operators")
    public Uni<Response> sell(@HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Correlation-Id") String correlationId,
            @Valid @NotNull SaleRequestBody body) {
        SaleCommand command = OrderHttp.command(SaleCommand.Mode.SELL, caller.organisationId(), idempotencyKey, body);
        return sales.sellNow(command, SaleService.Channel.REST, correlationId != null ? correlationId : idempotencyKey).map(OrderHttp::placed);
    }
}
