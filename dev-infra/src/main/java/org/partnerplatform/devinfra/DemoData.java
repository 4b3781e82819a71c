package org.partnerplatform.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The local platform's demo data, loaded through the services' public APIs as an admin would, never behind their
 * backs: token-service registers the six operators of the hub (with their codespaces) and three partners and gives
 * each partner a client; catalog-service gets a few dozen products with NOK prices per user profile, and three-party
 * agreements that differ per partner, activated and made ready for use in STAGING (and in the deployment's own
 * environment, if another), so that each partner's catalog differs visibly:
 * <ul>
 * <li>Reiseportalen AS sells the long-distance trains: all products of Vy, SJ Nord and Go-Ahead Nordic;</li>
 * <li>Byreise Mobil AS sells city travel: all of Ruter's products and two of AtB's;</li>
 * <li>Nordisk Reisebyrå AS, a travel agency, sells Flytoget and one Vy route, through the AGENT channel.</li>
 * </ul>
 * Every step is idempotent, so loading twice changes nothing: organisations are found by name (token-service's
 * {@code GET /v1/organisations} where it has one, else catalog-service's view of token-service's organisation
 * events, else the marker file in the data directory), products by id, agreements by partner and operator. Client
 * secrets are shown once, so a repeated load returns the credentials kept in the data directory's marker file if
 * they still work, and otherwise gives each partner a new client.
 * <p>
 * Only {@link java.net.http.HttpClient} and Jackson: no service code.
 */
public final class DemoData {
    /** A demo partner and the client it sells with (role PARTNER). */
    public record DemoPartner(String name, long organisationId, String clientId, String clientSecret) {
    }

    static final String MARKER = "demo-data.properties";
    private static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record Org(String name, String type, String codespace) {
    }

    private record Product(String codespace, String name, String nb, String en, List<String> channels, String... prices) {
        String id() {
            return codespace + ":SalesPackage:" + name;
        }
    }

    /** Partner, operator codespace, null for all of the operator's products or the names of the listed ones, commission, channel. */
    private record Deal(String partner, String operator, List<String> products, int commissionBasisPoints, String channel) {
    }

    private static final List<Org> OPERATORS = List.of(
            new Org("Vy", "OPERATOR", "VYG"),
            new Org("SJ Nord", "OPERATOR", "SJN"),
            new Org("Go-Ahead Nordic", "OPERATOR", "GOA"),
            new Org("Ruter", "OPERATOR", "RUT"),
            new Org("Flytoget", "OPERATOR", "FLT"),
            new Org("AtB", "OPERATOR", "ATB"));
    private static final List<Org> PARTNERS = List.of(
            new Org("Reiseportalen AS", "PARTNER", null),
            new Org("Byreise Mobil AS", "PARTNER", null),
            new Org("Nordisk Reisebyrå AS", "PARTNER", null));
    private static final Map<String, String> CLIENT_NAMES = Map.of(
            "Reiseportalen AS", "reiseportalen-demo",
            "Byreise Mobil AS", "byreise-demo",
            "Nordisk Reisebyrå AS", "nordiskreisebyraa-demo");

    private static final List<String> WEB_APP = List.of("WEB", "APP");
    /** Prices are ADULT, CHILD, SENIOR, STUDENT in NOK, VAT included; plausible, not the operators' real fares. */
    private static final List<Product> PRODUCTS = List.of(
            new Product("VYG", "Oslo-Bergen", "Oslo S–Bergen", "Oslo S–Bergen", List.of("WEB", "APP", "AGENT"), "999.00", "499.00", "749.00", "749.00"),
            new Product("VYG", "Oslo-Lillehammer", "Oslo S–Lillehammer", "Oslo S–Lillehammer", WEB_APP, "429.00", "215.00", "322.00", "322.00"),
            new Product("VYG", "Oslo-Drammen", "Oslo S–Drammen", "Oslo S–Drammen", WEB_APP, "126.00", "63.00", "63.00", "95.00"),
            new Product("VYG", "Oslo-Halden", "Oslo S–Halden", "Oslo S–Halden", WEB_APP, "279.00", "140.00", "140.00", "209.00"),
            new Product("VYG", "Oslo-Skien", "Oslo S–Skien", "Oslo S–Skien", WEB_APP, "389.00", "195.00", "292.00", "292.00"),
            new Product("VYG", "Oslo-Gjovik", "Oslo S–Gjøvik", "Oslo S–Gjøvik", WEB_APP, "259.00", "130.00", "130.00", "194.00"),
            new Product("SJN", "Oslo-Trondheim", "Oslo S–Trondheim S", "Oslo S–Trondheim S", WEB_APP, "1049.00", "525.00", "787.00", "787.00"),
            new Product("SJN", "Trondheim-Bodo", "Trondheim S–Bodø", "Trondheim S–Bodø", WEB_APP, "1199.00", "600.00", "899.00", "899.00"),
            new Product("SJN", "Trondheim-Steinkjer", "Trondheim S–Steinkjer", "Trondheim S–Steinkjer", WEB_APP, "214.00", "107.00", "107.00", "160.00"),
            new Product("SJN", "Trondheim-Roros", "Trondheim S–Røros", "Trondheim S–Røros", WEB_APP, "349.00", "175.00", "262.00", "262.00"),
            new Product("SJN", "Trondheim-Storlien", "Trondheim S–Storlien", "Trondheim S–Storlien", WEB_APP, "239.00", "120.00", "179.00", "179.00"),
            new Product("GOA", "Oslo-Kristiansand", "Oslo S–Kristiansand", "Oslo S–Kristiansand", WEB_APP, "749.00", "375.00", "562.00", "562.00"),
            new Product("GOA", "Oslo-Stavanger", "Oslo S–Stavanger", "Oslo S–Stavanger", WEB_APP, "949.00", "475.00", "712.00", "712.00"),
            new Product("GOA", "Kristiansand-Stavanger", "Kristiansand–Stavanger", "Kristiansand–Stavanger", WEB_APP, "499.00", "250.00", "374.00", "374.00"),
            new Product("GOA", "Stavanger-Egersund", "Stavanger–Egersund (Jærbanen)", "Stavanger–Egersund (Jæren line)", WEB_APP, "131.00", "66.00", "66.00", "98.00"),
            new Product("GOA", "Nelaug-Arendal", "Nelaug–Arendal", "Nelaug–Arendal", WEB_APP, "112.00", "56.00", "56.00", "84.00"),
            new Product("RUT", "Single-1-zone", "Enkeltbillett, 1 sone", "Single ticket, 1 zone", WEB_APP, "44.00", "22.00", "22.00", "44.00"),
            new Product("RUT", "Single-2-zones", "Enkeltbillett, 2 soner", "Single ticket, 2 zones", WEB_APP, "70.00", "35.00", "35.00", "70.00"),
            new Product("RUT", "Day-1-zone", "24-timersbillett, 1 sone", "24-hour ticket, 1 zone", WEB_APP, "132.00", "66.00", "66.00", "132.00"),
            new Product("RUT", "Week-1-zone", "7-dagersbillett, 1 sone", "7-day ticket, 1 zone", WEB_APP, "341.00", "171.00", "171.00", "341.00"),
            new Product("RUT", "Month-1-zone", "30-dagersbillett, 1 sone", "30-day ticket, 1 zone", WEB_APP, "903.00", "452.00", "452.00", "542.00"),
            new Product("FLT", "Oslo-Gardermoen", "Oslo S–Oslo lufthavn", "Oslo Central–Oslo Airport", List.of("WEB", "APP", "AGENT"), "230.00", "115.00", "115.00", "115.00"),
            new Product("FLT", "Lillestrom-Gardermoen", "Lillestrøm–Oslo lufthavn", "Lillestrøm–Oslo Airport", List.of("WEB", "APP", "AGENT"), "170.00", "85.00", "85.00", "85.00"),
            new Product("FLT", "Drammen-Gardermoen", "Drammen–Oslo lufthavn", "Drammen–Oslo Airport", List.of("WEB", "APP", "AGENT"), "329.00", "165.00", "165.00", "165.00"),
            new Product("FLT", "Asker-Gardermoen", "Asker–Oslo lufthavn", "Asker–Oslo Airport", List.of("WEB", "APP", "AGENT"), "299.00", "150.00", "150.00", "150.00"),
            new Product("ATB", "Single-zone-A", "Enkeltbillett, sone A", "Single ticket, zone A", WEB_APP, "44.00", "22.00", "22.00", "44.00"),
            new Product("ATB", "Day-zone-A", "24-timersbillett, sone A", "24-hour ticket, zone A", WEB_APP, "150.00", "75.00", "75.00", "150.00"),
            new Product("ATB", "Week-zone-A", "7-dagersbillett, sone A", "7-day ticket, zone A", WEB_APP, "320.00", "160.00", "160.00", "320.00"),
            new Product("ATB", "Month-zone-A", "30-dagersbillett, sone A", "30-day ticket, zone A", WEB_APP, "821.00", "411.00", "411.00", "493.00"),
            new Product("ATB", "Boat-Trondheim-Brekstad", "Hurtigbåt Trondheim–Brekstad", "Express boat Trondheim–Brekstad", WEB_APP, "120.00", "60.00", "60.00", "90.00"));
    private static final List<Deal> DEALS = List.of(
            new Deal("Reiseportalen AS", "VYG", null, 700, "WEB"),
            new Deal("Reiseportalen AS", "SJN", null, 650, "WEB"),
            new Deal("Reiseportalen AS", "GOA", null, 650, "WEB"),
            new Deal("Byreise Mobil AS", "RUT", null, 300, "APP"),
            new Deal("Byreise Mobil AS", "ATB", List.of("Single-zone-A", "Day-zone-A"), 350, "APP"),
            new Deal("Nordisk Reisebyrå AS", "FLT", null, 500, "AGENT"),
            new Deal("Nordisk Reisebyrå AS", "VYG", List.of("Oslo-Bergen"), 800, "AGENT"));
    private static final List<String> PROFILES = List.of("ADULT", "CHILD", "SENIOR", "STUDENT");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;
    private final String catalogUrl;
    private final String adminClientId;
    private final String adminClientSecret;
    private final String audience;
    private final Path dataDirectory;
    private final Consumer<String> progress;
    private String adminToken;

    private DemoData(String tokenUrl, String catalogUrl, String adminClientId, String adminClientSecret, String audience, Path dataDirectory,
            Consumer<String> progress) {
        this.tokenUrl = trim(tokenUrl);
        this.catalogUrl = trim(catalogUrl);
        this.adminClientId = adminClientId;
        this.adminClientSecret = adminClientSecret;
        this.audience = audience;
        this.dataDirectory = dataDirectory;
        this.progress = progress;
    }

    /** Loads the demo data (or finds it loaded) and returns the demo partners' credentials. */
    public static List<DemoPartner> load(String tokenServiceUrl, String catalogServiceUrl, String adminClientId, String adminClientSecret,
            String audience) {
        return load(tokenServiceUrl, catalogServiceUrl, adminClientId, adminClientSecret, audience, null, message -> {
        });
    }

    /**
     * As {@link #load(String, String, String, String, String)}, keeping what it created (organisation ids, the partners'
     * client credentials) in {@code demo-data.properties} in the data directory, so that a later load returns the same
     * credentials. That file holds secrets: keep it with the local platform's other local-only credentials.
     */
    public static List<DemoPartner> load(String tokenServiceUrl, String catalogServiceUrl, String adminClientId, String adminClientSecret,
            String audience, Path dataDirectory, Consumer<String> progress) {
        return new DemoData(tokenServiceUrl, catalogServiceUrl, adminClientId, adminClientSecret, audience, dataDirectory, progress).load();
    }

    private List<DemoPartner> load() {
        Properties marker = readMarker();
        adminToken = token(adminClientId, adminClientSecret)
                .orElseThrow(() -> new IllegalStateException("the admin client " + adminClientId + " gets no token from " + tokenUrl));
        Map<String, Long> organisations = organisations();
        awaitCatalogKnowsOperators(organisations);
        Set<String> environments = new LinkedHashSet<>(List.of("STAGING"));
        environments.add(catalogEnvironment());

        int created = 0;
        for (Product product : PRODUCTS) {
            created += ensureProduct(product, organisations.get(operatorName(product.codespace()))) ? 1 : 0;
        }
        progress.accept("demo data: " + PRODUCTS.size() + " products (" + created + " new)");
        int newDeals = 0;
        for (Deal deal : DEALS) {
            newDeals += ensureAgreement(deal, organisations, environments) ? 1 : 0;
        }
        progress.accept("demo data: " + DEALS.size() + " agreements (" + newDeals + " new), ready in " + environments);

        List<DemoPartner> partners = new ArrayList<>();
        for (Org partner : PARTNERS) {
            long id = organisations.get(partner.name());
            partners.add(client(partner.name(), id, marker));
        }
        writeMarker(marker, organisations, partners);
        return partners;
    }

    // --- organisations (token-service) ---

    /** The running token-service is the truth about which organisations exist: the marker only remembers secrets. */
    private Map<String, Long> organisations() {
        Map<String, Long> known = existingOrganisations();
        Map<String, Long> result = new LinkedHashMap<>();
        int created = 0;
        for (Org org : concat(OPERATORS, PARTNERS)) {
            Long id = known.get(org.name());
            if (id == null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", org.name());
                body.put("type", org.type());
                if (org.codespace() != null) {
                    body.put("codespace", org.codespace());
                }
                Response response = send("POST", tokenUrl + "/v1/organisations", body);
                if (response.status() == 409 && org.codespace() != null) {
                    // Registered before, but not found by name: catalog-service knows its codespace.
                    id = operatorsByCodespace().get(org.codespace());
                }
                if (id == null) {
                    id = response.expect(201, 200).path("organisationId").asLong();
                    created++;
                }
            }
            result.put(org.name(), id);
        }
        progress.accept("demo data: " + result.size() + " organisations (" + created + " new)");
        return result;
    }

    /**
     * Organisations by name, every page of token-service's list. Without that list the demo data would register
     * every organisation again (a second Vy), so a failed read stops the load, saying why.
     */
    private Map<String, Long> existingOrganisations() {
        Map<String, Long> byName = new HashMap<>();
        for (int page = 0;; page++) {
            Response listed = send("GET", tokenUrl + "/v1/organisations?size=" + PAGE + "&page=" + page, null);
            if (listed.status() != 200) {
                throw new IllegalStateException("GET /v1/organisations answered " + listed.status() + ": cannot tell which demo organisations exist");
            }
            JsonNode items = listed.body().isArray() ? listed.body() : listed.body().path("items");
            for (JsonNode org : items) {
                if (org.hasNonNull("name") && org.hasNonNull("organisationId")) {
                    byName.putIfAbsent(org.get("name").asText(), org.get("organisationId").asLong());
                }
            }
            if (items.size() < PAGE) {
                return byName;
            }
        }
    }

    private Map<String, Long> operatorsByCodespace() {
        Map<String, Long> byCodespace = new HashMap<>();
        for (JsonNode operator : send("GET", catalogUrl + "/v1/admin/operators", null).expect(200)) {
            byCodespace.put(operator.path("codespace").asText(), operator.path("organisationId").asLong());
        }
        return byCodespace;
    }

    /**
     * Registration reaches catalog-service as an event; waiting for it lets the operators' registrations, not their
     * first products, bind their codespaces (either works; this one keeps the operators' names in the catalog).
     */
    private void awaitCatalogKnowsOperators(Map<String, Long> organisations) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> known = operatorsByCodespace();
            if (OPERATORS.stream().allMatch(o -> organisations.get(o.name()).equals(known.get(o.codespace())))) {
                return;
            }
            sleep(250);
        }
        progress.accept("demo data: catalog-service has not heard of every operator yet; their first products bind their codespaces");
    }

    private String catalogEnvironment() {
        return send("GET", catalogUrl + "/v1/catalog?pageSize=1", null).expect(200).path("environment").asText("STAGING");
    }

    // --- products and agreements (catalog-service) ---

    /** Creates and publishes the product unless it exists; publishes it if it is a draft. Returns whether it was created. */
    private boolean ensureProduct(Product product, long operatorId) {
        String url = catalogUrl + "/v1/admin/products/" + encode(product.id());
        Response existing = send("GET", url, null);
        boolean created = false;
        String status;
        if (existing.status() == 404) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", product.id());
            body.put("operatorOrganisationId", operatorId);
            body.put("codespace", product.codespace());
            body.put("name", Map.of("nb", product.nb(), "en", product.en()));
            body.put("vatGroup", "TRANSPORT_AND_TICKETS_VAT");
            List<Map<String, String>> prices = new ArrayList<>();
            for (int i = 0; i < PROFILES.size(); i++) {
                prices.add(Map.of("userProfile", PROFILES.get(i), "amount", product.prices()[i]));
            }
            body.put("prices", prices);
            body.put("distributionChannels", product.channels());
            body.put("validFrom", LocalDate.now().withDayOfYear(1).toString());
            Response response = send("POST", catalogUrl + "/v1/admin/products", body);
            if (response.status() == 409) {
                // Created at the same moment (or the codespace bound concurrently by its registration): look again.
                response = send("GET", url, null);
            } else {
                created = true;
            }
            status = response.expect(200, 201).path("status").asText();
        } else {
            status = existing.expect(200).path("status").asText();
        }
        if ("DRAFT".equals(status)) {
            send("POST", url + "/publish", null).expect(200);
        }
        return created;
    }

    /** Creates, activates and makes ready the partner's agreement with the operator unless one is in force; returns whether it created one. */
    private boolean ensureAgreement(Deal deal, Map<String, Long> organisations, Set<String> environments) {
        long partner = organisations.get(deal.partner());
        long operator = organisations.get(operatorName(deal.operator()));
        JsonNode current = null;
        for (JsonNode agreement : send("GET", catalogUrl + "/v1/admin/agreements?partnerOrganisationId=" + partner + "&operatorOrganisationId=" + operator,
                null).expect(200)) {
            if (!"TERMINATED".equals(agreement.path("status").asText())) {
                current = agreement;
            }
        }
        boolean created = current == null;
        if (current == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("partnerOrganisationId", partner);
            body.put("operatorOrganisationId", operator);
            body.put("allProducts", deal.products() == null);
            body.put("productIds", deal.products() == null ? List.of() : deal.products().stream().map(n -> deal.operator() + ":SalesPackage:" + n).toList());
            body.put("rights", List.of("SELL", "REFUND"));
            body.put("distributionChannelId", deal.channel());
            body.put("commissionBasisPoints", deal.commissionBasisPoints());
            body.put("validFrom", LocalDate.now().withDayOfYear(1).toString());
            current = send("POST", catalogUrl + "/v1/admin/agreements", body).expect(201);
        }
        String url = catalogUrl + "/v1/admin/agreements/" + encode(current.path("id").asText());
        String status = current.path("status").asText();
        if ("DRAFT".equals(status)) {
            send("POST", url + "/activate", null).expect(200);
        } else if ("SUSPENDED".equals(status)) {
            send("POST", url + "/resume", null).expect(200);
        }
        for (String environment : environments) {
            send("PUT", url + "/readiness/" + environment, null).expect(200);
        }
        return created;
    }

    // --- the partners' clients (token-service) ---

    private DemoPartner client(String partner, long organisationId, Properties marker) {
        String keptId = marker.getProperty("client." + partner + ".id");
        String keptSecret = marker.getProperty("client." + partner + ".secret");
        if (keptId != null && keptSecret != null && marker.getProperty("organisation." + partner, "").equals(Long.toString(organisationId))
                && token(keptId, keptSecret).isPresent()) {
            return new DemoPartner(partner, organisationId, keptId, keptSecret);
        }
        String name = CLIENT_NAMES.get(partner);
        for (int attempt = 0; attempt < 5; attempt++) {
            String candidate = attempt == 0 ? name : name + "-" + Long.toString(System.nanoTime() % 100_000, 36);
            Response response = send("POST", tokenUrl + "/v1/organisations/" + organisationId + "/clients",
                    Map.of("name", candidate, "roles", List.of("PARTNER")));
            if (response.status() == 409) {
                continue;
            }
            JsonNode created = response.expect(201, 200);
            return new DemoPartner(partner, organisationId, created.path("clientId").asText(), created.path("clientSecret").asText());
        }
        throw new IllegalStateException("could not create a client for " + partner);
    }

    private Optional<String> token(String clientId, String clientSecret) {
        Map<String, Object> body = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret,
                "audience", audience);
        Response response = send("POST", tokenUrl + "/oauth/token", body, false);
        return response.status() == 200 ? Optional.of(response.body().path("access_token").asText()) : Optional.empty();
    }

    // --- the marker ---

    private Properties readMarker() {
        Properties properties = new Properties();
        if (dataDirectory != null && Files.exists(dataDirectory.resolve(MARKER))) {
            try (InputStream in = Files.newInputStream(dataDirectory.resolve(MARKER))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private void writeMarker(Properties properties, Map<String, Long> organisations, List<DemoPartner> partners) {
        if (dataDirectory == null) {
            return;
        }
        organisations.forEach((name, id) -> properties.setProperty("organisation." + name, Long.toString(id)));
        for (DemoPartner partner : partners) {
            properties.setProperty("client." + partner.name() + ".id", partner.clientId());
            properties.setProperty("client." + partner.name() + ".secret", partner.clientSecret());
        }
        try {
            Files.createDirectories(dataDirectory);
            try (OutputStream out = Files.newOutputStream(dataDirectory.resolve(MARKER))) {
                properties.store(out, "Demo data of this local platform only (client secrets included); never use these anywhere else.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- HTTP ---

    private record Response(int status, JsonNode body, String method, String url) {
        /** The body, when the status is one of those expected; otherwise the failure, with the service's problem detail. */
        JsonNode expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return body;
                }
            }
            throw new IllegalStateException(method + " " + url + " answered " + status + ": " + body);
        }
    }

    private Response send(String method, String url, Object body) {
        return send(method, url, body, true);
    }

    private Response send(String method, String url, Object body, boolean authorised) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json");
            if (authorised) {
                request.header("Authorization", "Bearer " + adminToken);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode json;
            try {
                json = bytes.length == 0 ? NullNode.getInstance() : JSON.readTree(bytes);
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
            }
            return new Response(response.statusCode(), json, method, url);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String operatorName(String codespace) {
        return OPERATORS.stream().filter(o -> o.codespace().equals(codespace)).findFirst().orElseThrow().name();
    }

    private static List<Org> concat(List<Org> a, List<Org> b) {
        List<Org> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
