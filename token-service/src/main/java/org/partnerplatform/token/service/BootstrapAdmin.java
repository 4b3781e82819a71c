package org.partnerplatform.token.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnerplatform.token.config.BootstrapConfig;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.events.Environment;
import org.partnerplatform.token.repository.AdvisoryLocks;
import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.Role;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Creates the platform organisation (1) and a first PLATFORM_ADMIN client at start-up, when configured and missing,
 * in one transaction under an advisory lock: replicas starting together create them once, and a restart changes
 * nothing. An existing client is never overwritten; a configured secret that no longer matches is reported.
 */
@ApplicationScoped
public class BootstrapAdmin {
    static final String CLIENT_NAME = "platform-admin";
    private static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final BootstrapConfig config;
    private final IssuerSettings settings;
    private final OrganisationService organisations;
    private final ClientService clients;
    private final ClientSecrets secrets;

    public BootstrapAdmin(BootstrapConfig config, IssuerSettings settings, OrganisationService organisations, ClientService clients,
            ClientSecrets secrets) {
        this.config = config;
        this.settings = settings;
        this.organisations = organisations;
        this.clients = clients;
        this.secrets = secrets;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        Optional<String> clientId = config.adminClientId().filter(id -> !id.isBlank());
        Optional<String> secret = secret();
        if (clientId.isEmpty() || secret.isEmpty()) {
            LOG.info("no bootstrap admin client configured (platform.bootstrap.admin-client-id and a secret)");
            return;
        }
        requireUsable(clientId.get(), secret.get());
        // Hashed before the transaction: the KDF is slow, and this is a plain start-up thread.
        String hash = secrets.hashBlocking(secret.get());
        Optional<Client> existing = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> AdvisoryLocks.lockForTransaction(AdvisoryLocks.BOOTSTRAP).chain(() -> ensure(clientId.get(), hash))));
        if (existing.isPresent() && !secrets.verifyBlocking(secret.get(), existing.get().secretHash)) {
            LOG.warnf("bootstrap admin client %s exists with another secret; the stored secret stays in force", clientId.get());
        }
    }

    /** Empty when the client was created now; the stored client when it existed already. */
    private Uni<Optional<Client>> ensure(String clientId, String secretHash) {
        return Client.byId(clientId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(Optional.of(existing));
            }
            return Organisation.byId(Organisation.PLATFORM_ID)
                    .chain(platform -> platform != null ? Uni.createFrom().item(platform) : organisations.registerPlatform())
                    .chain(platform -> clients.persistNew(clientId, platform.organisationId, CLIENT_NAME, EnumSet.of(Role.PLATFORM_ADMIN), secretHash))
                    .invoke(client -> LOG.infof("created bootstrap admin client %s of organisation %d", client.clientId, client.organisationId))
                    .replaceWith(Optional.empty());
        });
    }

    private Optional<String> secret() {
        Optional<String> inline = config.adminClientSecret().filter(s -> !s.isBlank());
        if (inline.isPresent()) {
            return inline;
        }
        return config.adminClientSecretFile().map(file -> {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read platform.bootstrap.admin-client-secret-file " + file, e);
            }
        }).filter(s -> !s.isEmpty());
    }

    private void requireUsable(String clientId, String secret) {
        if (!clientId.matches("[A-Za-z0-9._~-]{1,64}")) {
            throw new IllegalStateException("platform.bootstrap.admin-client-id must be 1 to 64 URL-safe characters");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("the bootstrap admin secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (secret.startsWith("dev-only") && settings.environment() == Environment.PRODUCTION
                && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("the bootstrap admin secret is the committed dev-only value; PRODUCTION needs its own");
        }
    }
}
