package org.partnerplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.partnerplatform.devinfra.EmbeddedKafka;
import org.partnerplatform.devinfra.EmbeddedPostgresServer;
import org.partnerplatform.devinfra.FreePorts;
import org.partnerplatform.devinfra.ServiceProcess;
import org.partnerplatform.testsupport.TestOidcServer;

/**
 * The fixture of the catalog benchmark: a real PostgreSQL and Kafka broker, a stand-in token issuer (ES256, the
 * platform's claims: what token-service issues, without its per-grant PBKDF2), and the packaged catalog-service as a
 * process on the JDK that PLATFORM_JAVA names. It seeds the catalog of the benchmark (10,000 products of 60 operators;
 * 1,000 partners with 50 agreements each, all ACTIVE, valid, with SELL and ready in STAGING; half of them cover all
 * the operator's products, half list 20), writes one token per partner to {@code tokens.txt} and the service's URL to
 * {@code url}, then touches {@code ready} and waits to be stopped (SIGTERM).
 * <p>
 * The seed is inserted with SQL straight into the service's database, after the service has migrated it: the only
 * place where anything writes the catalog's tables behind its back, acceptable for a benchmark fixture only. It
 * raises catalog_revision, and records the change as one to everything, as a writer would, so the service retires
 * anything it computed before.
 * <p>
 * Options: --work DIR, --partners N, --products N, --agreements N (per partner), --jvm "OPTS", --env KEY=VALUE (repeatable).
 */
public final class CatalogBench {
    private CatalogBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("bench/catalog/target/run");
        int partners = 1000;
        int products = 10_000;
        int agreementsPerPartner = 50;
        List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        Map<String, String> extraEnv = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--partners" -> partners = Integer.parseInt(args[++i]);
                case "--products" -> products = Integer.parseInt(args[++i]);
                case "--agreements" -> agreementsPerPartner = Integer.parseInt(args[++i]);
                case "--jvm" -> jvm = List.of(args[++i].trim().split("\\s+"));
                case "--env" -> {
                    String[] kv = args[++i].split("=", 2);
                    extraEnv.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path repository = Path.of(".").toAbsolutePath().normalize();
        Files.createDirectories(work);
        Files.deleteIfExists(work.resolve("ready"));
        long started = System.nanoTime();

        log("starting PostgreSQL and Kafka");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, work.resolve("postgres"), true);
        postgres.ensureDatabase("catalog");
        EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka-" + System.nanoTime()), 3);
        TestOidcServer issuer = TestOidcServer.get();

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("catalog"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("catalog"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "catalog");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "catalog");
        env.put("PLATFORM_ENVIRONMENT", "STAGING");
        env.put("PLATFORM_AUDIENCE", TestOidcServer.AUDIENCE);
        env.put("PLATFORM_TOKEN_SERVICE_URL", issuer.issuer());
        env.put("PLATFORM_CATALOG_CREATE_TOPICS", "true");
        env.putAll(extraEnv);
        int port = FreePorts.next();
        log("starting catalog-service on port " + port + " with " + System.getenv().getOrDefault("PLATFORM_JAVA", "this JVM's java") + " " + jvm
                + (extraEnv.isEmpty() ? "" : " " + extraEnv));
        ServiceProcess service = ServiceProcess.start("catalog-service", repository.resolve("catalog-service/target/quarkus-app/quarkus-run.jar"),
                port, env, jvm, work.resolve("catalog-service.log"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            service.close();
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "bench-stop"));
        service.awaitReady(Duration.ofSeconds(120));

        log("seeding " + products + " products, " + partners + " partners x " + agreementsPerPartner + " agreements");
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("catalog"), "catalog", "catalog"); Statement s = c.createStatement()) {
            s.execute(seed(partners, products, agreementsPerPartner));
            // Outside the seed's implicit transaction: VACUUM may not run inside one.
            s.execute("vacuum analyze");
            try (ResultSet rs = s.executeQuery("select (select count(*) from product), (select count(*) from agreement), "
                    + "(select count(*) from agreement_product)")) {
                rs.next();
                log("seeded: " + rs.getLong(1) + " products, " + rs.getLong(2) + " agreements, " + rs.getLong(3) + " listed products");
            }
        }

        List<String> tokens = new ArrayList<>();
        for (int p = 0; p < partners; p++) {
            long organisation = FIRST_PARTNER + p;
            tokens.add(issuer.token("bench-partner-" + organisation, organisation, "PARTNER"));
        }
        Files.write(work.resolve("tokens.txt"), tokens);
        // For changes under load (catalog.sh --changes): a platform admin of organisation 1, as token-service would issue.
        Files.writeString(work.resolve("admin-token.txt"), issuer.token("bench-platform-admin", 1, "PLATFORM_ADMIN"));
        Files.writeString(work.resolve("url"), service.baseUrl());
        Files.writeString(work.resolve("ready"), "ready after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s\n");
        log("ready: " + service.baseUrl() + ", " + tokens.size() + " tokens in " + work.resolve("tokens.txt"));
        stopped.await();
    }

    static final long FIRST_PARTNER = 10_001;
    static final long FIRST_OPERATOR = 2_001;
    static final int OPERATORS = 60;

    /**
     * The benchmark's catalog. Operators 2001..2060 with codespaces (the six of the hub first); products spread evenly
     * over them, PUBLISHED, valid since 100 days, priced for ADULT, CHILD, SENIOR and STUDENT, sold on WEB and APP.
     * Partner p's agreement k is with operator (p + k) mod 60: all ACTIVE, valid, SELL and REFUND, ready in STAGING;
     * even k cover all the operator's products, odd k list 20 of them.
     */
    static String seed(int partners, int products, int agreements) {
        return """
                insert into operator (organisation_id, codespace, name, bound_by, updated_at)
                select %4$d + o,
                       case o when 0 then 'VYG' when 1 then 'SJN' when 2 then 'GOA' when 3 then 'RUT' when 4 then 'FLT' when 5 then 'ATB'
                              else 'Z' || chr(65 + o / 26) || chr(65 + o %% 26) end,
                       'Operator ' || o, 'FIRST_PRODUCT', now()
                  from generate_series(0, %5$d - 1) o;
                insert into product (id, operator_organisation_id, codespace, name_nb, name_en, status, vat_group, vat_rate,
                                     valid_from, valid_to, version, created_at, updated_at, updated_by)
                select op.codespace || ':SalesPackage:P' || lpad(n::text, 5, '0'), op.organisation_id, op.codespace,
                       'Billett ' || n, 'Ticket ' || n, 'PUBLISHED', 'TRANSPORT_AND_TICKETS_VAT', '12',
                       current_date - 100, null, 1, now(), now(), 'bench-seed'
                  from generate_series(1, %2$d) n join operator op on op.organisation_id = %4$d + n %% %5$d;
                insert into product_price (product_id, position, user_profile, amount)
                select p.id, g, (array['ADULT', 'CHILD', 'SENIOR', 'STUDENT'])[g + 1],
                       round((40 + (hashtext(p.id) & 1023)) * (array[1.0, 0.5, 0.5, 0.75])[g + 1], 0)
                  from product p, generate_series(0, 3) g;
                insert into product_distribution_channel (product_id, position, channel)
                select p.id, g, (array['WEB', 'APP'])[g + 1] from product p, generate_series(0, 1) g;
                insert into agreement (id, partner_organisation_id, operator_organisation_id, status, all_products, distribution_channel_id,
                                       commission_basis_points, valid_from, valid_to, version, created_at, updated_at)
                select 'bench-' || partner || '-' || k, partner, %4$d + (partner + k) %% %5$d, 'ACTIVE', k %% 2 = 0, 'WEB', 100 + 10 * k,
                       current_date - 200, null, 2, now(), now()
                  from generate_series(%6$d, %6$d + %1$d - 1) partner, generate_series(1, %3$d) k;
                insert into agreement_product (agreement_id, product_id)
                select a.id, p.id from agreement a
                  join lateral (select id from product p where p.operator_organisation_id = a.operator_organisation_id
                                 order by md5(p.id || a.id) limit 20) p on true
                 where not a.all_products;
                insert into agreement_right (agreement_id, right_name) select id, 'SELL' from agreement;
                insert into agreement_right (agreement_id, right_name) select id, 'REFUND' from agreement;
                insert into agreement_readiness (agreement_id, environment) select id, 'STAGING' from agreement;
                update catalog_revision set revision = revision + 1 where id = 1;
                insert into catalog_change (scope, revision) select '*', revision from catalog_revision
                    on conflict (scope) do update set revision = excluded.revision;
                """.formatted(partners, products, agreements, FIRST_OPERATOR, OPERATORS, FIRST_PARTNER);
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }

}
