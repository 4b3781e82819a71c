package org.partnerplatform.token.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.messaging.LifecycleEvents;
import org.partnerplatform.token.repository.AuditEvent;
import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.ClientRegistry;
import org.partnerplatform.token.repository.ClientStatus;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.token.service.oauth.VerifiedSecretCache;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Creates, reads, rotates and revokes an organisation's clients. A secret is generated here, hashed off the event
 * loop before the transaction starts (so no connection waits for the KDF), and returned once.
 */
@ApplicationScoped
public class ClientService {
    private final Outbox outbox;
    private final ClientSecrets secrets;
    private final IssuerSettings settings;
    private final ClientRegistry registry;
    private final VerifiedSecretCache verifiedSecrets;
    private final Duration defaultGrace;
    private final Duration maxGrace;

    public ClientService(Outbox outbox, ClientSecrets secrets, IssuerSettings settings, ClientRegistry registry,
            VerifiedSecretCache verifiedSecrets, TokenConfig config) {
        this.outbox = outbox;
        this.secrets = secrets;
        this.settings = settings;
        this.registry = registry;
        this.verifiedSecrets = verifiedSecrets;
        this.defaultGrace = config.secretRotationGrace();
        this.maxGrace = config.secretRotationMaxGrace();
        if (defaultGrace.isNegative() || defaultGrace.compareTo(maxGrace) > 0) {
            throw new IllegalStateException("platform.token.secret-rotation-grace must be between zero and secret-rotation-max-grace");
        }
    }

    public Uni<NewClient> create(long organisationId, String name, Set<Role> roles, boolean byPlatformAdmin, String actor) {
        Set<Role> granted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        ClientRolePolicy.requireMayGrant(byPlatformAdmin, organisationId, granted);
        String secret = RandomValues.secret();
        return secrets.hash(secret)
                .chain(hash -> Panache.withTransaction(() -> Organisation.byId(organisationId).chain(organisation -> {
                    requireMayHaveClients(organisation, organisationId);
                    ClientRolePolicy.requireFitsOrganisation(organisation.type, granted);
                    return persistNew(RandomValues.identifier(), organisationId, name, granted, hash)
                            .call(client -> AuditEvent.of(organisationId, actor, AuditEvent.Action.CLIENT_CREATED, client.clientId,
                                    client.name + " with " + String.join(" ", Role.claimValues(granted))).persist());
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
    public Uni<Client> revoke(long organisationId, String clientId, boolean byPlatformAdmin, String actor) {
        return Panache.withTransaction(() -> Client.byId(clientId).chain(found -> {
            Client client = requireOf(found, organisationId, clientId);
            ClientRolePolicy.requireMayRevoke(byPlatformAdmin, client.roles);
            if (!client.active()) {
                return Uni.createFrom().item(client);
            }
            client.status = ClientStatus.REVOKED;
            client.revokedAt = Timestamps.now();
            client.previousSecretHash = null;
            client.previousSecretValidUntil = null;
            return outbox.add(LifecycleEvents.revoked(client, client.revokedAt))
                    .call(() -> AuditEvent.of(organisationId, actor, AuditEvent.Action.CLIENT_REVOKED, clientId, client.name).persist())
                    .replaceWith(client);
        }))
                // After the commit, before the answer: this replica refuses the client's grants and tokens from now on
                // (others when the table's change notification reaches them).
                .invoke(client -> {
                    registry.clientChanged(client.clientId);
                    verifiedSecrets.forget(client.clientId);
                });
    }

    /**
     * Gives a client a new secret, returned once. The previous one keeps working until rotation time plus the grace
     * period (the configured default, or the one asked for, up to the maximum), then never again; a rotation within
     * a grace period ends the older secret at once, so at most two secrets work at any time. Tokens already issued
     * stay valid. Publishes ClientSecretRotated.
     */
    public Uni<NewClient> rotateSecret(long organisationId, String clientId, Duration requestedGrace, boolean byPlatformAdmin, String actor) {
        Duration grace = requestedGrace == null ? defaultGrace : requestedGrace.truncatedTo(ChronoUnit.MILLIS);
        if (grace.isNegative()) {
            throw ProblemException.badRequest("invalid-grace-period", "the grace period cannot be negative");
        }
        if (grace.compareTo(maxGrace) > 0) {
            throw ProblemException.badRequest("grace-period-too-long", "the grace period can be at most " + maxGrace);
        }
        String secret = RandomValues.secret();
        return secrets.hash(secret)
                .chain(hash -> Panache.withTransaction(() -> Client.byId(clientId).chain(found -> {
                    Client client = requireOf(found, organisationId, clientId);
                    ClientRolePolicy.requireMayRevoke(byPlatformAdmin, client.roles);
                    if (!client.active()) {
                        throw ProblemException.conflict("client-revoked", "client " + clientId + " has been revoked; it gets no new secret");
                    }
                    Instant now = Timestamps.now();
                    client.previousSecretHash = grace.isZero() ? null : client.secretHash;
                    client.previousSecretValidUntil = grace.isZero() ? null : now.plus(grace);
                    client.secretHash = hash;
                    client.secretVersion = client.secretVersion + 1;
                    client.secretRotatedAt = now;
                    return outbox.add(LifecycleEvents.secretRotated(client))
                            .call(() -> AuditEvent.of(organisationId, actor, AuditEvent.Action.CLIENT_SECRET_ROTATED, clientId,
                                    "secret version " + client.secretVersion + (grace.isZero() ? "" : ", the previous one valid for " + grace)).persist())
                            .replaceWith(client);
                })))
                .invoke(client -> {
                    // After the commit, before the answer: this replica checks against the new secret version from now on.
                    registry.clientChanged(client.clientId);
                    if (grace.isZero()) {
                        // Memory only: the raised version already makes the cached old secret useless on every replica.
                        verifiedSecrets.forget(client.clientId);
                    }
                })
                .map(client -> new NewClient(client, secret));
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
        client.secretVersion = 1;
        return client.<Client> persist().call(c -> outbox.add(LifecycleEvents.created(c)));
    }

    private void requireMayHaveClients(Organisation organisation, long organisationId) {
        if (organisation == null) {
            throw ProblemException.notFound("organisation " + organisationId);
        }
        if (organisation.status != OrganisationStatus.ACTIVE) {
            throw ProblemException.conflict("organisation-suspended", "a suspended organisation gets no new clients");
        }
        if (!organisation.certification.environments().contains(settings.environment())) {
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
