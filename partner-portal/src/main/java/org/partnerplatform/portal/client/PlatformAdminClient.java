package org.partnerplatform.portal.client;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.partnerplatform.portal.client.CatalogClient.Agreement;
import org.partnerplatform.portal.client.TokenServiceClient.Organisation;

import io.smallrye.mutiny.Uni;

/** What a platform admin does from the portal: token-service's organisations and catalog-service's agreements. */
public final class PlatformAdminClient {
    private PlatformAdminClient() {
    }

    /** token-service's register of organisations. */
    @org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "token-service")
    @Path("/v1/organisations")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public interface Organisations {
        record Page(List<Organisation> items, int page, int size, long totalItems) {
        }

        record NewOrganisation(String name, String type, String codespace) {
        }

        record Reason(String reason) {
        }

        record CertificationChange(String certification, String evidenceReference) {
        }

        @GET
        Uni<Page> list(@HeaderParam("Authorization") String bearer, @QueryParam("page") int page, @QueryParam("size") int size);

        @POST
        Uni<Organisation> register(@HeaderParam("Authorization") String bearer, NewOrganisation organisation);

        @POST
        @Path("/{id}/suspend")
        Uni<Organisation> suspend(@HeaderParam("Authorization") String bearer, @PathParam("id") long id, Reason reason);

        @POST
        @Path("/{id}/reinstate")
        Uni<Organisation> reinstate(@HeaderParam("Authorization") String bearer, @PathParam("id") long id, Reason reason);

        @PUT
        @Path("/{id}/certification")
        Uni<Organisation> certify(@HeaderParam("Authorization") String bearer, @PathParam("id") long id, CertificationChange change);
    }

    /** catalog-service's agreements as platform admins write them. */
    @org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "catalog-service")
    @Path("/v1/admin/agreements")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public interface Agreements {
        record NewAgreement(long partnerOrganisationId, long operatorOrganisationId, boolean allProducts, List<String> productIds,
                List<String> rights, String distributionChannelId, int commissionBasisPoints, LocalDate validFrom) {
        }

        @GET
        Uni<List<Agreement>> ofPartner(@HeaderParam("Authorization") String bearer, @QueryParam("partnerOrganisationId") long partner);

        @POST
        Uni<Agreement> create(@HeaderParam("Authorization") String bearer, NewAgreement agreement);

        /** activate, suspend, resume or terminate. */
        @POST
        @Path("/{id}/{transition}")
        Uni<Agreement> transition(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                @PathParam("transition") String transition);

        @PUT
        @Path("/{id}/readiness/{environment}")
        Uni<Agreement> makeReady(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                @PathParam("environment") String environment);

        @jakarta.ws.rs.DELETE
        @Path("/{id}/readiness/{environment}")
        Uni<Agreement> withdrawReadiness(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                @PathParam("environment") String environment);
    }
}
