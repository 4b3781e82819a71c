package org.partnerplatform.token.service.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerplatform.token.config.TokenConfig;

/**
 * Slows down repeated failed client authentications of one client id (as presented, known or not, so that the
 * answers say nothing about which ids exist). It guards the slow secret check: a secret already in the
 * verified-secret cache never gets here, so a client that has authenticated on this replica is never slowed down
 * by someone guessing at its id.
 * <p>
 * Every uncached check counts as a failure before it runs and is forgiven if it succeeds, so that parallel
 * guesses are counted as they start, not after 125 ms of KDF each. The first {@code freeFailures} cost nothing;
 * each further one doubles the delay before the next check, from {@code baseDelay} up to {@code maxDelay}.
 * Attempts refused during a delay (429) run no check and count for nothing: they cannot extend the delay. A
 * client id without a failure for {@code forgetAfter} starts over. So an attacker can make an uncached real
 * client wait at most {@code maxDelay} per attempt, never lock it out for good.
 * <p>
 * State is per replica, in memory: with n replicas an attacker gets n times the attempts. Bounded: beyond
 * {@code maxTracked} ids, those not delaying anything are dropped; if all are, new ids go untracked (failing open,
 * logged) rather than refusing clients that did nothing wrong.
 */
@ApplicationScoped
public class FailedGrantThrottle {
    private static final Logger LOG = Logger.getLogger(FailedGrantThrottle.class);
    private static final long PURGE_INTERVAL_MILLIS = 1_000;

    /** The outcome of asking for a check: go ahead, or wait retryAfter. */
    public record Decision(Duration retryAfter) {
        static final Decision PROCEED = new Decision(null);

        public boolean refused() {
            return retryAfter != null;
        }
    }

    private record Entry(int failures, long lastFailureMillis, long blockedUntilMillis) {
    }

    private final Clock clock;
    private final int freeFailures;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final long forgetAfterMillis;
    private final int maxTracked;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong lastPurge = new AtomicLong();

    @Inject
    public FailedGrantThrottle(Clock clock, TokenConfig config) {
        this(clock, config.throttle().freeFailures(), config.throttle().baseDelay(), config.throttle().maxDelay(),
                config.throttle().forgetAfter(), config.throttle().maxTracked());
    }

    public FailedGrantThrottle(Clock clock, int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter, int maxTracked) {
        if (freeFailures < 0 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0 || maxTracked < 1) {
            throw new IllegalStateException("platform.token.throttle: need free-failures >= 0, 0 < base-delay <= max-delay <= forget-after, "
                    + "max-tracked >= 1");
        }
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.baseDelayMillis = baseDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.forgetAfterMillis = forgetAfter.toMillis();
        this.maxTracked = maxTracked;
    }

    /**
     * Called before a slow secret check: refuses while the client id's delay runs, otherwise counts the attempt
     * as a failure (forgiven by {@link #succeeded}) and lets it proceed.
     */
    public Decision begin(String clientId) {
        long now = clock.millis();
        if (!entries.containsKey(clientId) && entries.size() >= maxTracked && !makeRoom(now)) {
            return Decision.PROCEED;
        }
        Decision[] decision = { Decision.PROCEED };
        entries.compute(clientId, (id, entry) -> {
            Entry current = entry == null || now - entry.lastFailureMillis() >= forgetAfterMillis ? null : entry;
            if (current != null && now < current.blockedUntilMillis()) {
                decision[0] = new Decision(Duration.ofMillis(current.blockedUntilMillis() - now));
                return current;
            }
            int failures = current == null ? 1 : current.failures() + 1;
            return new Entry(failures, now, failures > freeFailures ? now + delayAfter(failures) : 0);
        });
        return decision[0];
    }

    /** The check succeeded: the client id starts over. */
    public void succeeded(String clientId) {
        entries.remove(clientId);
    }

    /** How long the delay after this many failures is: nothing for the free ones, then doubling up to the cap. */
    long delayAfter(int failures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return 0;
        }
        long delay = baseDelayMillis;
        for (int i = 1; i < beyond && delay < maxDelayMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMillis);
    }

    int tracked() {
        return entries.size();
    }

    /** Drops ids that delay nothing now (at most once a second); true if that made room. */
    private boolean makeRoom(long now) {
        long last = lastPurge.get();
        if (now - last >= PURGE_INTERVAL_MILLIS && lastPurge.compareAndSet(last, now)) {
            entries.values().removeIf(e -> now >= e.blockedUntilMillis() || now - e.lastFailureMillis() >= forgetAfterMillis);
            if (entries.size() >= maxTracked) {
                LOG.warnf("failed-grant throttle is tracking %d client ids, all delayed: new ids go untracked", entries.size());
            }
        }
        return entries.size() < maxTracked;
    }
}
