package org.partnerplatform.testsupport;

import org.partnerplatform.devinfra.EmbeddedKafka;
import org.partnerplatform.devinfra.EmbeddedPostgresServer;

/**
 * One broker and one PostgreSQL server per test JVM, started on first use on free ports and stopped when the JVM
 * exits. Test classes with different Quarkus configurations share them; each service gets its own database.
 */
public final class SharedInfrastructure {
    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(0, null, 3);
            EmbeddedKafka started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
        }
        return kafka;
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(0, null, true);
            EmbeddedPostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
