package org.partnerplatform.portal.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.SalesClient;
import org.partnerplatform.portal.client.SalesClient.RefundLines;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The organisation's orders for its sales readers: search by status and external reference, one order with its
 * lines, tickets and credits; a sales administrator refunds a line there (sales-service decides whether an agreement
 * gives the REFUND right). The refund form carries its own Idempotency-Key, so a form sent twice refunds once.
 */
@Path("/orders")
@RolesAllowed({ Roles.SALES_READER, Roles.SALES_ADMINISTRATOR })
public class OrdersPage {
    static final int PAGE = 50;
    static final List<String> STATUSES = List.of("DRAFT", "CONFIRMED", "CANCELLED", "EXPIRED");
    private static final Pattern ID = Pattern.compile("^[0-9a-fA-F-]{36}$");

    @Inject
    Template orders;
    @Inject
    Template order;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    SalesClient sales;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> search(@QueryParam("status") String status, @QueryParam("externalReference") String reference,
            @QueryParam("page") @DefaultValue("0") int page) {
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        return sales.orders(signedIn.bearer(), chosen, ref, Math.max(page, 0), PAGE).map(found -> html(orders.data("found", found)
                .data("statuses", STATUSES).data("status", chosen == null ? "" : chosen).data("reference", ref == null ? "" : ref)
                .data("query", "status=" + encode(chosen) + "&externalReference=" + encode(ref))
                .data("previous", found.page() > 0 ? found.page() - 1 : null)
                .data("next", (long) (found.page() + 1) * found.pageSize() < found.totalItems() ? found.page() + 1 : null), 200));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> view(@PathParam("id") String id, @QueryParam("refunded") String refunded) {
        return shown(id, null, refunded, 200);
    }

    @POST
    @Path("/{id}/refunds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.SALES_ADMINISTRATOR)
    public Uni<Response> refund(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        requireId(id);
        String line = form.getFirst("lineId");
        String key = form.getFirst("idempotencyKey");
        if (line == null || line.isBlank() || key == null || key.isBlank()) {
            return shown(id, "Choose a line to refund.", null, 422);
        }
        return sales.refund(signedIn.bearer(), "portal-" + key, id, new RefundLines(List.of(line)))
                .map(done -> Response.seeOther(URI.create("/orders/" + id + "?refunded=" + done.creditId())).build())
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> shown(id, ApiProblems.detail((WebApplicationException) e), null, 422));
    }

    private Uni<Response> shown(String id, String message, String refunded, int status) {
        requireId(id);
        return sales.order(signedIn.bearer(), id).map(found -> {
            // One key per line's form: a form sent twice refunds once, and another line's form is another refund.
            Map<String, String> keys = found.orderLines().stream().collect(Collectors.toMap(SalesClient.Line::lineId, l -> UUID.randomUUID().toString()));
            // Said only when it is one of the order's credits, not whatever a link says.
            String credit = found.credits().stream().map(SalesClient.Credit::creditId).filter(c -> c.equals(refunded)).findFirst().orElse(null);
            return html(order.data("order", found).data("message", message).data("refunded", credit)
                    .data("refunds", signedIn.has(Roles.SALES_ADMINISTRATOR)).data("keys", keys), status);
        })
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .transform(e -> new NotFoundException("order " + id));
    }

    static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("order " + id);
        }
    }

    private Response html(io.quarkus.qute.TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(language.apply(page).render()).build();
    }
}
