package org.partnerplatform.token.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Hashing and checking client secrets (and persons' passwords) with the slow KDF (about 125 ms of CPU each), never on an event loop: hashing
 * on a worker thread with the result back on the caller's Vert.x context (so reactive Hibernate carries on where it
 * left off); checking on the caller's thread, which is SecretVerifier's own pool or a start-up thread.
 */
@ApplicationScoped
public class ClientSecrets {
    private final SecretHasher hasher = new SecretHasher();
    /** Checked instead when the client does not exist, so that an unknown client takes as long as a wrong secret. */
    private volatile String decoy;

    public Uni<String> hash(String secret) {
        return VertxContextSupport.executeBlocking(() -> hasher.hash(secret));
    }

    /** Checks a secret (or a person's password) off the event loop; the answer arrives on the caller's context. */
    public Uni<Boolean> verify(String secret, String storedHash) {
        return VertxContextSupport.executeBlocking(() -> verifyBlocking(secret, storedHash));
    }

    /** For start-up code that runs on a plain thread. */
    public String hashBlocking(String secret) {
        return hasher.hash(secret);
    }

    /** Checks a secret against a stored hash; a null hash (no such client) costs the same and answers false. Slow. */
    public boolean verifyBlocking(String secret, String storedHash) {
        if (storedHash == null) {
            hasher.verify(secret, decoy());
            return false;
        }
        return hasher.verify(secret, storedHash);
    }

    private String decoy() {
        if (decoy == null) {
            decoy = hasher.hash(RandomValues.secret());
        }
        return decoy;
    }
}
