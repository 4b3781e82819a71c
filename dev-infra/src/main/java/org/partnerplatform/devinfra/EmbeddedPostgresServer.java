package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central. One server holds a database per service,
 * each owned by a role of the same name, as separate servers would in production.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on the given port (0 for a free one); with a data directory the data survives a restart unless clean is set. */
    public static EmbeddedPostgresServer start(int port, Path dataDir, boolean clean) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? FreePorts.next() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // As the deployment's clusters: the outbox is a queue, vacuumed often (platform-messaging's migrations).
                    .setServerConfig("autovacuum_naptime", "10s");
            // More settings for a benchmark or a diagnosis, e.g. shared_preload_libraries=pg_stat_statements (k=v;k=v).
            String extra = System.getenv("PLATFORM_POSTGRES_SETTINGS");
            if (extra != null && !extra.isBlank()) {
                for (String setting : extra.split(";")) {
                    String[] kv = setting.split("=", 2);
                    builder.setServerConfig(kv[0].trim(), kv[1].trim());
                }
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir.getParent());
                builder.setDataDirectory(dataDir).setCleanDataDirectory(clean);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates a role and a database of that name, owned by the role, unless both exist. Password equals the name. */
    public synchronized void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (var rs = s.executeQuery("select 1 from pg_roles where rolname = '" + name + "'")) {
                roleExists = rs.next();
            }
            if (!roleExists) {
                s.execute("create role " + name + " login password '" + name + "'");
            }
            boolean dbExists;
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                dbExists = rs.next();
            }
            if (!dbExists) {
                s.execute("create database " + name + " owner " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + " failed", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The URL form that the Vert.x reactive client takes (no jdbc: prefix). */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
