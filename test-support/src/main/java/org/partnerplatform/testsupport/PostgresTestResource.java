package org.partnerplatform.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a @QuarkusTest at a database of its own on the JVM's real PostgreSQL server. The database name comes
 * from the init argument "database" (default "app"); the same name shares a database between test classes.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        var postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database);
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM so that test classes share it.
    }
}
