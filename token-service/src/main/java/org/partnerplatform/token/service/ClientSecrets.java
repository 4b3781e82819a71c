package org.partnerplatform.token.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Hashing and checking client secrets off the event loop: the KDF takes about 125 ms of CPU, which would stall
 * every other request on a Vert.x I/O thread. Results come back on the caller's Vert.x context, so reactive
 * Hibernate can carry on where it left off.
 */
@ApplicationScoped
public class ClientSecrets {
    private final SecretHasher hasher = new SecretHasher();
    /** Checked instead when the client does not exist, so that an unknown client takes as long as a wrong secret. */
    private volatile String decoy;

    public Uni<String> hash(String secret) {
        return VertxContextSupport.executeBlocking(() -> hasher.hash(secret));
    }

    /** Checks a secret against a stored hash; a null hash (no such client) costs the same and answers false. */
    public Uni<Boolean> verify(String secret, String storedHash) {
        return VertxContextSupport.executeBlocking(() -> {
            if (storedHash == null) {
                hasher.verify(secret, decoy());
                return false;
            }
            return hasher.verify(secret, storedHash);
        });
    }

    /** For start-up code that runs on a plain thread. */
    public String hashBlocking(String secret) {
        return hasher.hash(secret);
    }

    public boolean verifyBlocking(String secret, String storedHash) {
        return hasher.verify(secret, storedHash);
    }

    private String decoy() {
        if (decoy == null) {
            decoy = hasher.hash(RandomValues.secret());
        }
        return decoy;
    }
}
