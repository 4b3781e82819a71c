package org.partnerplatform.portal.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** catalog-service's partner API (the catalog and the agreements), called with the signed-in person's access token. */
@RegisterRestClient(configKey = "catalog-service")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    record CatalogPage(long organisationId, String environment, LocalDate date, int page, int pageSize, long totalCount, long totalPages,
            String dataCredit, String dataLicence, List<Product> items) {
    }

    record Product(String id, long operatorOrganisationId, String codespace, Name name, String vatGroup, String vatRate, List<Price> prices,
            List<String> distributionChannels, LocalDate validFrom, LocalDate validTo, String ticketValidity, String dataCredit,
            List<Coverage> agreements) {
    }

    record Name(String nb, String en) {
        /** The name in the page's language; English falls back to bokmål, which every product has. */
        public String in(String language) {
            return "en".equals(language) && en != null && !en.isBlank() ? en : nb;
        }
    }

    record Price(String userProfile, String currency, String amount, String amountExclVat, String vatAmount) {
    }

    record Coverage(String agreementId, int commissionBasisPoints, String distributionChannelId) {
    }

    record Agreement(String id, long partnerOrganisationId, long operatorOrganisationId, String status, boolean allProducts,
            List<String> productIds, List<String> rights, String distributionChannelId, int commissionBasisPoints, LocalDate validFrom,
            LocalDate validTo, List<String> readyEnvironments, long version, Instant updatedAt) {
    }

    @GET
    @Path("/v1/catalog")
    Uni<CatalogPage> catalog(@HeaderParam("Authorization") String bearer, @QueryParam("q") String q, @QueryParam("page") int page,
            @QueryParam("pageSize") int pageSize);

    @GET
    @Path("/v1/agreements")
    Uni<List<Agreement>> agreements(@HeaderParam("Authorization") String bearer);
}
