package org.partnerplatform.token.messaging;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.ClientRegistry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Listens on the PostgreSQL channel {@code token_registry}, where the client and organisation tables announce every
 * committed change, and tells the {@link ClientRegistry}.
 * <p>
 * One connection of its own (LISTEN holds a session). The registry serves from memory only while this listener is
 * known to work: the listener sends itself a heartbeat through the ordinary pool every {@code registry-heartbeat}
 * and expects it back on the listening connection; if the connection closes, or no heartbeat has come back for
 * three intervals (a connection that died silently), the registry goes back to reading every grant's client from
 * the table, and the listener reconnects. The connection is made from the reactive URL, user and password only:
 * TLS settings belong in the URL ({@code ?sslmode=require}) for it to use them. Notifications sent while nobody listened are lost, so a
 * (re)started listener starts the registry empty.
 */
@ApplicationScoped
public class RegistryNotifications {
    static final String CHANNEL = "token_registry";
    private static final Logger LOG = Logger.getLogger(RegistryNotifications.class);
    private static final String CLIENT = "client:";
    private static final String ORGANISATION = "organisation:";
    private static final String PING = "ping:";

    private final Vertx vertx;
    private final Pool pool;
    private final ClientRegistry registry;
    private final PgConnectOptions options;
    private final long heartbeatMillis;
    /** Tells this replica's heartbeats from others' on the shared channel. */
    private final String ping = PING + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + ":";
    private final AtomicLong sent = new AtomicLong();
    private volatile long lastReturnedAtMillis;
    private volatile PgConnection connection;
    private volatile boolean stopped;
    private long timer = -1;

    public RegistryNotifications(Vertx vertx, Pool pool, ClientRegistry registry, TokenConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.pool = pool;
        this.registry = registry;
        this.heartbeatMillis = config.registryHeartbeat().toMillis();
        this.options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    void start(@Observes @Priority(5) StartupEvent event) {
        connect();
        timer = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        PgConnection current = connection;
        if (current != null) {
            current.close();
        }
    }

    public boolean listening() {
        return registry.live();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgConnection.connect(vertx, options).onComplete(connected -> {
            if (connected.failed()) {
                LOG.debugf("cannot connect to listen on %s: %s", CHANNEL, connected.cause().getMessage());
                vertx.setTimer(heartbeatMillis, id -> connect());
                return;
            }
            PgConnection conn = connected.result();
            connection = conn;
            conn.notificationHandler(notification -> handle(notification.getPayload()));
            conn.closeHandler(closed -> lost(conn, "the connection closed"));
            conn.query("LISTEN " + CHANNEL).execute().onComplete(listening -> {
                if (listening.failed()) {
                    LOG.warnf("LISTEN %s failed: %s", CHANNEL, listening.cause().getMessage());
                    conn.close();
                    return;
                }
                // Live once our own heartbeat has made the round trip (see handle).
                sendHeartbeat();
            });
        });
    }

    private void handle(String payload) {
        if (payload.startsWith(CLIENT)) {
            registry.clientChanged(payload.substring(CLIENT.length()));
        } else if (payload.startsWith(ORGANISATION)) {
            registry.everythingChanged();
        } else if (payload.startsWith(ping)) {
            lastReturnedAtMillis = System.currentTimeMillis();
            if (!registry.live()) {
                LOG.infof("listening on %s", CHANNEL);
                registry.live(true);
            }
        }
    }

    private void heartbeat() {
        PgConnection current = connection;
        if (current == null || stopped) {
            return;
        }
        if (registry.live() && System.currentTimeMillis() - lastReturnedAtMillis > 3 * heartbeatMillis) {
            // The connection looks open but notifications no longer arrive: treat it as gone.
            current.close();
            lost(current, "heartbeats stopped coming back");
            return;
        }
        sendHeartbeat();
    }

    private void sendHeartbeat() {
        pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, ping + sent.incrementAndGet()))
                .onFailure(e -> LOG.debugf("heartbeat on %s failed: %s", CHANNEL, e.getMessage()));
    }

    private void lost(PgConnection conn, String why) {
        if (connection != conn) {
            return;
        }
        connection = null;
        registry.live(false);
        if (!stopped) {
            LOG.warnf("stopped listening on %s (%s); reading clients from the database until it is back", CHANNEL, why);
            vertx.setTimer(heartbeatMillis, id -> connect());
        }
    }
}
