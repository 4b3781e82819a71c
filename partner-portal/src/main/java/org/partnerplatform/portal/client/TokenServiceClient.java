package org.partnerplatform.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** token-service's API for an organisation, called with the signed-in person's own access token. */
@RegisterRestClient(configKey = "token-service")
@Path("/v1/organisations/{organisationId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TokenServiceClient {

    record Organisation(long organisationId, String name, String type, String codespace, String status, String certification,
            List<String> environments, Instant createdAt) {
    }

    record ApiClient(String clientId, String name, List<String> roles, String environment, String status, Instant createdAt,
            Instant revokedAt, Instant lastRotatedAt) {
    }

    record NewClient(String name, Set<String> roles) {
    }

    /** The answer of a creation or a rotation: the secret, this once. */
    record ClientSecret(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ClientSecret[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    record Person(String personId, String email, String displayName, List<String> roles, Instant createdAt, Instant signInResetAt) {
    }

    record NewInvitation(String email, Set<String> roles) {
    }

    /** An invitation as made: its one-time link, this once. */
    record Invitation(String invitationId, String email, List<String> roles, Instant expiresAt, String link) {
        @Override
        public String toString() {
            return "Invitation[invitationId=" + invitationId + ", email=" + email + ", link=***]";
        }
    }

    record Roles(Set<String> roles) {
    }

    record AuditEvent(long id, Instant occurredAt, String actor, String action, String subject, String details) {
    }

    record AuditPage(List<AuditEvent> items, String next) {
    }

    @GET
    Uni<Organisation> organisation(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId);

    @GET
    @Path("/clients")
    Uni<List<ApiClient>> clients(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId);

    @POST
    @Path("/clients")
    Uni<ClientSecret> create(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId, NewClient client);

    @POST
    @Path("/clients/{clientId}/rotate-secret")
    Uni<ClientSecret> rotate(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            @PathParam("clientId") String clientId);

    @GET
    @Path("/persons")
    Uni<List<Person>> persons(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId);

    @POST
    @Path("/invitations")
    Uni<Invitation> invite(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            NewInvitation invitation);

    @jakarta.ws.rs.PUT
    @Path("/persons/{personId}/roles")
    Uni<Person> changeRoles(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            @PathParam("personId") String personId, Roles roles);

    /** Resets the person's sign-in; the answer holds the one-time link where they set a new password and second factor. */
    @POST
    @Path("/persons/{personId}/sign-in-reset")
    Uni<Invitation> resetSignIn(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            @PathParam("personId") String personId);

    @jakarta.ws.rs.DELETE
    @Path("/persons/{personId}")
    Uni<Void> remove(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            @PathParam("personId") String personId);

    @GET
    @Path("/audit")
    Uni<AuditPage> audit(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            @jakarta.ws.rs.QueryParam("before") Long before, @jakarta.ws.rs.QueryParam("limit") int limit);

    @POST
    @Path("/clients/{clientId}/revoke")
    Uni<ApiClient> revoke(@HeaderParam("Authorization") String bearer, @PathParam("organisationId") long organisationId,
            @PathParam("clientId") String clientId);
}
