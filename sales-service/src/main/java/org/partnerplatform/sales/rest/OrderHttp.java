package org.partnerplatform.sales.rest;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Patterns;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.sales.service.PlacedOrder;
import org.partnerplatform.sales.service.SaleCommand;
import org.partnerplatform.sales.service.SaleOutcome;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * What the order resources share: an order's entity tag is its version ({@code "3"}) and {@code If-Match} names the
 * version a change was made against; the Idempotency-Key rule; the mapping of a body to a sale command.
 */
final class OrderHttp {
    private static final Pattern TAG = Pattern.compile("^\\s*(?:W/)?\"?([0-9]{1,9})\"?\\s*$");

    private OrderHttp() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header asks for; null when absent or {@code *}. */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match must name one order version, such as \"3\"");
        }
        return Integer.valueOf(m.group(1));
    }

    /** The order if the caller may read it (its organisation's, or FINANCE); 404 otherwise, as if it did not exist. */
    static Uni<PlacedOrder> visible(SaleService sales, Caller caller, String id) {
        return sales.load(orderId(id)).map(placed -> {
            if (placed == null || !(caller.actsFor(placed.order().organisationId) || caller.hasRole(Roles.FINANCE))) {
                throw ProblemException.notFound("order " + id);
            }
            return placed;
        });
    }

    static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("order " + id);
        }
    }

    static String requireIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.matches(Patterns.IDEMPOTENCY_KEY)) {
            throw ProblemException.badRequest("missing-idempotency-key",
                    "an Idempotency-Key header of 8 to 128 characters [A-Za-z0-9._:-] is required");
        }
        return idempotencyKey;
    }

    /**
     * The body as the sale command a Kafka SaleRequest would make, after the same validation: the SaleRequest.v1 schema
     * (Bean Validation on the body has given field-level errors first).
     */
    static SaleCommand command(SaleCommand.Mode mode, long organisationId, String idempotencyKey, SaleRequestBody body) {
        var lines = body.lines().stream().map(l -> new SaleRequest.Line(l.productId(), l.userProfile(), l.quantity(), l.travelDate(), l.validFrom())).toList();
        String key = requireIdempotencyKey(idempotencyKey);
        List<String> violations = EventSchemas.violations(EventType.SALE_REQUEST,
                EventJson.write(new SaleRequest(key, body.distributionChannelId(), lines, body.externalReference())));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("invalid-sale-request", "the request is not a valid SaleRequest.v1: " + String.join("; ", violations));
        }
        return new SaleCommand(mode, organisationId, key, body.distributionChannelId(), lines, body.externalReference());
    }

    /** A placed order's answer: 201 with its location when new, 200 with Idempotent-Replayed when its key's first outcome. */
    static Response placed(SaleOutcome outcome) {
        if (!outcome.isPlaced()) {
            throw outcome.rejection();
        }
        OrderView view = OrderView.of(outcome.order());
        Response.ResponseBuilder response = outcome.replayed() ? Response.ok(view).header("Idempotent-Replayed", "true")
                : Response.status(201).entity(view).header("Location", "/v1/orders/" + view.id());
        return withTag(response, view).build();
    }

    static Response.ResponseBuilder withTag(Response.ResponseBuilder response, OrderView view) {
        return response.header("ETag", of(view.version()));
    }
}
