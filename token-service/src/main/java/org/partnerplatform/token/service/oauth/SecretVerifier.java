package org.partnerplatform.token.service.oauth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.ClientGrantRecord;
import org.partnerplatform.token.service.ClientSecrets;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The slow secret check (PBKDF2, about 125 ms of CPU) for secrets not in the verified-secret cache, on a bounded
 * pool of its own: however many uncached requests arrive, they take at most {@code kdf.threads} cores, leave the
 * event loops to the cached grants, and beyond {@code kdf.queue} waiting checks are answered 503 at once instead
 * of queueing for minutes. Identical concurrent checks (same client, version and secret, e.g. a client's first
 * burst after a restart) share one KDF run.
 */
@ApplicationScoped
public class SecretVerifier {
    private static final Duration RETRY_WHEN_BUSY = Duration.ofSeconds(1);

    /** Which of the client's secrets the presented one is. */
    public enum Match {
        NONE,
        CURRENT,
        PREVIOUS
    }

    private record InFlight(String clientId, int version, String mac) {
    }

    private final ClientSecrets secrets;
    private final ThreadPoolExecutor executor;
    private final Map<InFlight, CompletableFuture<Match>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public SecretVerifier(ClientSecrets secrets, TokenConfig config) {
        this(secrets, config.kdf().threads().orElse(Runtime.getRuntime().availableProcessors()), config.kdf().queue());
    }

    SecretVerifier(ClientSecrets secrets, int threads, int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalStateException("platform.token.kdf.threads and platform.token.kdf.queue must be positive");
        }
        this.secrets = secrets;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), task -> {
            Thread thread = new Thread(task, "secret-kdf-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Checks a secret against the client's current hash and, within a grace period, its previous one; for an unknown
     * client (null) against a decoy, so that it takes as long as a wrong secret. The answer arrives on the caller's
     * Vert.x context.
     */
    public Uni<Match> verify(String clientId, String secret, byte[] mac, ClientGrantRecord client, boolean previousValid) {
        InFlight key = new InFlight(clientId, client == null ? 0 : client.secretVersion(), Base64.getEncoder().encodeToString(mac));
        CompletableFuture<Match> check;
        List<CompletableFuture<Match>> started = new ArrayList<>(1);
        try {
            check = inFlight.computeIfAbsent(key, k -> {
                CompletableFuture<Match> run = CompletableFuture.supplyAsync(() -> check(secret, client, previousValid), executor);
                started.add(run);
                return run;
            });
        } catch (RejectedExecutionException e) {
            return Uni.createFrom().failure(OAuthException.temporarilyUnavailable("too many secret checks waiting", RETRY_WHEN_BUSY));
        }
        if (!started.isEmpty()) {
            // Registered outside computeIfAbsent: a check that completed already would otherwise remove its key re-entrantly.
            CompletableFuture<Match> run = check;
            run.whenComplete((match, failure) -> inFlight.remove(key, run));
        }
        Context context = Vertx.currentContext();
        Uni<Match> result = Uni.createFrom().completionStage(check);
        return context == null ? result : result.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Match check(String secret, ClientGrantRecord client, boolean previousValid) {
        if (client == null) {
            secrets.verifyBlocking(secret, null);
            return Match.NONE;
        }
        if (secrets.verifyBlocking(secret, client.secretHash())) {
            return Match.CURRENT;
        }
        if (previousValid && secrets.verifyBlocking(secret, client.previousSecretHash())) {
            return Match.PREVIOUS;
        }
        return Match.NONE;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
