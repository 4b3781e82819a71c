package org.partnerplatform.portal.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** settlement-service's settlements, as the partner reads them, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "settlement-service")
@Path("/v1/settlements")
public interface SettlementClient {

    record SettlementPage(List<Settlement> items, int page, int pageSize, long totalItems) {
    }

    record Settlement(String settlementId, long partnerOrganisationId, long settlementNo, LocalDate settlementDate, String kind,
            String correctedSettlementId, Long correctedSettlementNo, String currency, int entryCount, Totals totals, List<Totals> operators,
            Instant closedAt) {
    }

    record Totals(Long operatorOrganisationId, int saleCount, String saleAmount, int refundCount, String refundAmount, String grossAmount,
            String vatAmount, String commissionAmount, String netToOperatorAmount) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<SettlementPage> settlements(@HeaderParam("Authorization") String bearer, @QueryParam("page") int page,
            @QueryParam("pageSize") int pageSize);

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Settlement> settlement(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    /** The CSV exactly as settlement-service writes it (its dialect is documented there). */
    @GET
    @Path("/{id}/entries.csv")
    @Produces("text/csv")
    Uni<byte[]> entriesCsv(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
