package org.partnerplatform.portal.rest;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.SettlementClient;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The organisation's closed settlements for its finance readers (FINANCE_READER): the list, one settlement with its
 * totals per operator, and its entries as settlement-service's CSV, handed on byte for byte.
 */
@Path("/settlements")
@RolesAllowed(Roles.FINANCE_READER)
public class SettlementsPage {
    static final int PAGE = 50;
    private static final Pattern ID = Pattern.compile("^[0-9a-fA-F-]{36}$");

    @Inject
    Template settlements;
    @Inject
    Template settlement;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    SettlementClient settlementService;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list(@QueryParam("page") @DefaultValue("0") int page) {
        return settlementService.settlements(signedIn.bearer(), Math.max(page, 0), PAGE).map(found -> language.apply(settlements
                .data("found", found).data("previous", found.page() > 0 ? found.page() - 1 : null)
                .data("next", (long) (found.page() + 1) * found.pageSize() < found.totalItems() ? found.page() + 1 : null)));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> view(@PathParam("id") String id) {
        requireId(id);
        return notFoundAs(id, settlementService.settlement(signedIn.bearer(), id)).map(s -> language.apply(settlement.data("s", s)));
    }

    @GET
    @Path("/{id}/entries.csv")
    @Produces("text/csv; charset=UTF-8")
    public Uni<Response> csv(@PathParam("id") String id) {
        requireId(id);
        return notFoundAs(id, settlementService.settlement(signedIn.bearer(), id)).chain(s -> settlementService.entriesCsv(signedIn.bearer(), id)
                .map(bytes -> Response.ok(bytes, "text/csv; charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"settlement-" + s.partnerOrganisationId() + "-" + s.settlementNo() + ".csv\"").build()));
    }

    private static <T> Uni<T> notFoundAs(String id, Uni<T> call) {
        return call.onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .transform(e -> new NotFoundException("settlement " + id));
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("settlement " + id);
        }
    }
}
