package org.partnerplatform.oidcclient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** How a service calls settlement-service: its own token, obtained and refreshed by quarkus-oidc-client. */
@RegisterRestClient(configKey = "settlement")
@OidcClientFilter
@Path("/v1/settlement")
public interface SettlementApi {

    @GET
    @Path("/partners/{partner}/summary")
    Response summary(@PathParam("partner") long partner);
}
