package org.partnerplatform.bench.sales;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.partnerplatform.devinfra.DemoData;
import org.partnerplatform.devinfra.Platform;
import org.partnerplatform.devinfra.Platform.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fixture of the end-to-end benchmark: the whole platform as the system tests run it (a KRaft broker in this JVM,
 * PostgreSQL, the four packaged services as processes on the JDK that PLATFORM_JAVA names), the local platform's
 * demo data (six operators, 30 products), and a population of partners onboarded through the public APIs as an
 * operator would: each a PARTNER organisation with a client and agreements (all products, SELL, ready in STAGING)
 * with two or three of the six operators, commissions 3-9 %. It writes what the load generator needs to
 * {@code fixture.properties} (addresses, databases, process ids, the partners' credentials), touches {@code ready}
 * and waits to be stopped (SIGTERM).
 * <p>
 * Options: --work DIR, --partners N (default 50), --jvm "OPTS" (the services' JVM options), --env KEY=VALUE (repeatable).
 */
public final class SalesFixture {
    static final String AUDIENCE = "https://api.staging.partnerplatform.local";

    private SalesFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("bench/sales-e2e/target/run");
        int partners = 50;
        List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC");
        Map<String, String> extraEnv = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--partners" -> partners = Integer.parseInt(args[++i]);
                case "--jvm" -> jvm = List.of(args[++i].trim().split("\\s+"));
                case "--env" -> {
                    String[] kv = args[++i].split("=", 2);
                    extraEnv.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path repository = Path.of(System.getProperty("platform.repository", ".")).toAbsolutePath().normalize();
        String adminId = "bench-admin";
        String adminSecret = random(32);
        Platform.Settings settings = new Platform.Settings(repository, work.toAbsolutePath().resolve("platform"), true, Platform.Ports.free(),
                "STAGING", AUDIENCE, adminId, adminSecret, Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)), jvm,
                extraEnv, message -> System.out.println("[platform] " + message));
        Platform platform = Platform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "fixture-stop"));

        String tokenUrl = platform.url(Service.TOKEN);
        String catalogUrl = platform.url(Service.CATALOG);
        DemoData.load(tokenUrl, catalogUrl, adminId, adminSecret, AUDIENCE);
        String admin = Api.token(tokenUrl, adminId, adminSecret, AUDIENCE);
        Map<String, Long> operators = new LinkedHashMap<>();
        for (JsonNode operator : Api.get(catalogUrl + "/v1/admin/operators", admin)) {
            operators.put(operator.path("codespace").asText(), operator.path("organisationId").asLong());
        }
        List<String> codespaces = new ArrayList<>(operators.keySet());
        System.out.println("[fixture] operators " + operators);

        Properties out = new Properties();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= partners; i++) {
            String name = String.format("Benk Partner %02d AS", i);
            long partner = Api.post(tokenUrl + "/v1/organisations", Map.of("name", name, "type", "PARTNER"), admin, 201)
                    .path("organisationId").asLong();
            JsonNode client = Api.post(tokenUrl + "/v1/organisations/" + partner + "/clients",
                    Map.of("name", String.format("benk-partner-%02d", i), "roles", List.of("PARTNER")), admin, 201);
            int deals = 2 + i % 2;
            for (int d = 0; d < deals; d++) {
                long operator = operators.get(codespaces.get((i + 2 * d) % codespaces.size()));
                agreement(catalogUrl, admin, partner, operator, 300 + (i * 37 + d * 101) % 600);
            }
            ids.add(Long.toString(partner));
            out.setProperty("partner." + partner + ".client-id", client.path("clientId").asText());
            out.setProperty("partner." + partner + ".client-secret", client.path("clientSecret").asText());
        }
        System.out.println("[fixture] onboarded " + partners + " partners");

        out.setProperty("partners", String.join(",", ids));
        out.setProperty("audience", AUDIENCE);
        out.setProperty("kafka.bootstrap", platform.kafka().bootstrapServers());
        for (Service service : Service.values()) {
            out.setProperty(service.database + ".url", platform.url(service));
            out.setProperty(service.database + ".pid", Long.toString(platform.service(service).pid()));
            out.setProperty(service.database + ".jdbc", platform.postgres().jdbcUrl(service.database));
        }
        out.setProperty("fixture.pid", Long.toString(ProcessHandle.current().pid()));
        out.setProperty("postgres.port", Integer.toString(platform.postgres().port()));
        try (OutputStream file = Files.newOutputStream(work.resolve("fixture.properties"))) {
            out.store(file, "end-to-end benchmark fixture; local-only credentials");
        }
        Files.writeString(work.resolve("ready"), "ready\n");
        System.out.println("[fixture] ready");
        stopped.await();
    }

    private static void agreement(String catalogUrl, String admin, long partner, long operator, int commission) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerOrganisationId", partner);
        body.put("operatorOrganisationId", operator);
        body.put("allProducts", true);
        body.put("productIds", List.of());
        body.put("rights", List.of("SELL", "REFUND"));
        body.put("distributionChannelId", "WEB");
        body.put("commissionBasisPoints", commission);
        body.put("validFrom", "2020-01-01");
        String id = Api.post(catalogUrl + "/v1/admin/agreements", body, admin, 201).path("id").asText();
        Api.post(catalogUrl + "/v1/admin/agreements/" + id + "/activate", null, admin, 200);
        Api.put(catalogUrl + "/v1/admin/agreements/" + id + "/readiness/STAGING", null, admin, 200);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
