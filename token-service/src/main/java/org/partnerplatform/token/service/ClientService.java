package org.partnerplatform.token.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.PlatformEnvironment;
import org.partnerplatform.token.messaging.LifecycleEvents;
import org.partnerplatform.token.repository.Certification;
import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.ClientStatus;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.token.security.ClientStatusCache;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Creates, reads and revokes an organisation's clients. The secret is generated here, hashed off the event loop
 * before the transaction starts (so no connection waits for the KDF), and returned once.
 */
@ApplicationScoped
public class ClientService {
    private final Outbox outbox;
    private final ClientSecrets secrets;
    private final IssuerSettings settings;
    private final ClientStatusCache statusCache;

    public ClientService(Outbox outbox, ClientSecrets secrets, IssuerSettings settings, ClientStatusCache statusCache) {
        this.outbox = outbox;
        this.secrets = secrets;
        this.settings = settings;
        this.statusCache = statusCache;
    }

    public Uni<NewClient> create(long organisationId, String name, Set<Role> roles, boolean byPlatformAdmin) {
        Set<Role> granted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        ClientRolePolicy.requireMayGrant(byPlatformAdmin, organisationId, granted);
        String secret = RandomValues.secret();
        return secrets.hash(secret)
                .chain(hash -> Panache.withTransaction(() -> Organisation.byId(organisationId).chain(organisation -> {
                    requireMayHaveClients(organisation, organisationId);
                    return persistNew(RandomValues.identifier(), organisationId, name, granted, hash);
                })))
                .map(client -> new NewClient(client, secret));
    }

    @WithSession
    public Uni<List<Client>> list(long organisationId) {
        return Organisation.byId(organisationId).chain(organisation -> {
            if (organisation == null) {
                throw ProblemException.notFound("organisation " + organisationId);
            }
            return Client.ofOrganisation(organisationId);
        });
    }

    @WithSession
    public Uni<Client> get(long organisationId, String clientId) {
        return Client.byId(clientId).map(client -> requireOf(client, organisationId, clientId));
    }

    /** Revokes a client for good; revoking it again changes nothing and publishes nothing. */
    public Uni<Client> revoke(long organisationId, String clientId, boolean byPlatformAdmin) {
        return Panache.withTransaction(() -> Client.byId(clientId).chain(found -> {
            Client client = requireOf(found, organisationId, clientId);
            ClientRolePolicy.requireMayRevoke(byPlatformAdmin, client.roles);
            if (!client.active()) {
                return Uni.createFrom().item(client);
            }
            client.status = ClientStatus.REVOKED;
            client.revokedAt = Timestamps.now();
            return outbox.add(LifecycleEvents.revoked(client, client.revokedAt)).replaceWith(client);
        }))
                // After the commit: this replica refuses the client's tokens from now on.
                .invoke(client -> statusCache.forget(client.clientId));
    }

    /** Stores a new active client of this environment and publishes ClientCreated. Must run inside a transaction. */
    Uni<Client> persistNew(String clientId, long organisationId, String name, Set<Role> roles, String secretHash) {
        Client client = new Client();
        client.clientId = clientId;
        client.organisationId = organisationId;
        client.name = name;
        client.roles = EnumSet.copyOf(roles);
        client.environment = settings.environment();
        client.secretHash = secretHash;
        client.status = ClientStatus.ACTIVE;
        client.createdAt = Timestamps.now();
        return client.<Client> persist().call(c -> outbox.add(LifecycleEvents.created(c)));
    }

    private void requireMayHaveClients(Organisation organisation, long organisationId) {
        if (organisation == null) {
            throw ProblemException.notFound("organisation " + organisationId);
        }
        if (organisation.status != OrganisationStatus.ACTIVE) {
            throw ProblemException.conflict("organisation-suspended", "a suspended organisation gets no new clients");
        }
        if (settings.environment() == PlatformEnvironment.PRODUCTION && organisation.certification != Certification.CERTIFIED) {
            throw ProblemException.conflict("not-certified", "organisation " + organisationId + " is not certified for PRODUCTION");
        }
    }

    /** Another organisation's client answers exactly like a client that does not exist. */
    private static Client requireOf(Client client, long organisationId, String clientId) {
        if (client == null || client.organisationId != organisationId) {
            throw ProblemException.notFound("client " + clientId);
        }
        return client;
    }
}
