package org.partnerplatform.token.service.oauth;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.service.ClientSecrets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Verifies client credentials. The slow KDF runs on a worker thread, outside any database session, so neither an
 * event loop nor a connection waits for it. A cache of recently verified secrets can be added here without any
 * change to the token endpoint.
 */
@ApplicationScoped
public class ClientAuthenticator {
    private static final String UNKNOWN_OR_WRONG = "unknown client or wrong secret";

    private final ClientSecrets secrets;

    public ClientAuthenticator(ClientSecrets secrets) {
        this.secrets = secrets;
    }

    public Uni<AuthenticatedClient> authenticate(ClientCredentials credentials) {
        if (credentials == null) {
            return Uni.createFrom().failure(OAuthException.invalidClient("client authentication is required"));
        }
        if (credentials.clientId() == null || credentials.secret() == null) {
            return Uni.createFrom().failure(OAuthException.invalidClient("both client_id and client_secret are required"));
        }
        return Panache.withSession(() -> load(credentials.clientId()))
                .chain(found -> secrets.verify(credentials.secret(), found == null ? null : found.client().secretHash)
                        .map(matches -> accept(found, matches)));
    }

    private static Uni<Loaded> load(String clientId) {
        return Client.byId(clientId).chain(client -> client == null
                ? Uni.createFrom().nullItem()
                : Organisation.byId(client.organisationId).map(organisation -> new Loaded(client, organisation)));
    }

    private static AuthenticatedClient accept(Loaded found, boolean secretMatches) {
        // Unknown client and wrong secret answer alike (and take as long), so that client ids cannot be probed.
        if (found == null || !secretMatches) {
            throw OAuthException.invalidClient(UNKNOWN_OR_WRONG);
        }
        Client client = found.client();
        if (!client.active()) {
            throw OAuthException.invalidClient("the client has been revoked");
        }
        return new AuthenticatedClient(client.clientId, client.organisationId, client.roles, client.environment,
                found.organisation().status, found.organisation().certification);
    }

    private record Loaded(Client client, Organisation organisation) {
    }
}
