package org.partnerplatform.token.service.keys;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Every replica, every key-reload-interval: advance the rotation (if this replica gets the lock), then reread the
 * key table. A thread of its own (not an event loop), so that a slow database delays only this.
 */
@ApplicationScoped
public class SigningKeySchedule {
    private static final Logger LOG = Logger.getLogger(SigningKeySchedule.class);

    private final SigningKeys keys;
    private ScheduledExecutorService timer;
    private volatile boolean failing;

    public SigningKeySchedule(SigningKeys keys) {
        this.keys = keys;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        long millis = keys.reloadInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "signing-keys");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    void tick() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> keys.advance().chain(keys::reload));
            if (failing) {
                LOG.info("signing keys reloaded again");
                failing = false;
            }
        } catch (Throwable e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            // Once per outage, not once per tick; readiness reports it if it lasts (SigningKeys.fresh()).
            if (!failing) {
                LOG.warn("advancing or reloading the signing keys failed; retrying every interval", e);
                failing = true;
            }
        }
    }
}
