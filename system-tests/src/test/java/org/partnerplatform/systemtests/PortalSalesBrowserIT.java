package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerplatform.systemtests.PartnerPlatformApi.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.events.Topics;
import org.partnerplatform.systemtests.PartnerPlatformApi.Credentials;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A partner's persons in the portal, in a real browser: the catalog page shows exactly what the partner's API
 * catalog shows (prices with and without VAT, the hub's data credit on the product imported from NeTEx and not on
 * the other), the agreements and their "ready for use" notices, an order found by its reference whose line a sales
 * administrator refunds, and the closed settlement with its CSV, byte for byte settlement-service's.
 */
class PortalSalesBrowserIT {
    static final String IMPORTED = "PRT:SalesOfferPackage:Dagsbillett";
    static final String MANUAL = "PRT:SalesPackage:Manuell";
    static String admin;
    static String portal;
    static Path repository;
    static Browser browser;

    @BeforeAll
    static void start() {
        portal = RunningPlatform.get().portalUrl();
        assertThat(portal).as("the portal must be built and running").isNotNull();
        repository = RunningPlatform.get().settings().repository();
        admin = PartnerPlatformApi.adminToken();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPartnersPersonsSeeTheApisCatalogTheirAgreementsRefundALineAndReadTheirSettlement() throws Exception {
        LocalDate today = SettlementIT.awayFromMidnight();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long operator = PartnerPlatformApi.registerOrganisation(admin, "Portaltrafikk AS", "OPERATOR", "PRT");
        long partner = PartnerPlatformApi.registerOrganisation(admin, "Salgsportalen AS " + suffix, "PARTNER", null);
        Credentials client = PartnerPlatformApi.createClient(admin, partner, "salgsportalen-app", "PARTNER");
        String finance = token(PartnerPlatformApi.createClient(admin, 1, "salgsportalen-finance", "FINANCE"));
        importAndPublish(operator);
        PartnerPlatformApi.createPublishedProduct(admin, MANUAL, operator, Map.of("ADULT", "45.00"));
        String agreement = PartnerPlatformApi.createActiveAgreement(admin, partner, operator, List.of(IMPORTED, MANUAL), 500, "STAGING");
        PartnerPlatformApi.awaitConsumed("sales-service-catalog", Set.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS), Duration.ofSeconds(60));
        String partnerToken = token(client);
        String reference = "portal-basket-" + suffix;
        String orderId = given().auth().oauth2(partnerToken).contentType(ContentType.JSON).header("Idempotency-Key", "sale-" + suffix)
                .body(Map.of("externalReference", reference, "lines", List.of(Map.of("productId", IMPORTED, "userProfile", "ADULT", "quantity", 1),
                        Map.of("productId", IMPORTED, "userProfile", "CHILD", "quantity", 1))))
                .post(RunningPlatform.url(Service.SALES) + "/v1/sales").then().statusCode(201).extract().path("id");

        String email = "siri-" + suffix + "@salgsportalen.example";
        String secret = PortalPersons.invited(browser, admin, partner, email, "SALES_ADMINISTRATOR", "FINANCE_READER");
        PortalPersons.signIn(browser, portal, email, secret, () -> { });

        // The catalog page is the API's catalog, row for row.
        JsonPath api = given().auth().oauth2(partnerToken).get(RunningPlatform.url(Service.CATALOG) + "/v1/catalog?pageSize=50").then()
                .statusCode(200).extract().jsonPath();
        browser.follow("nav-catalog");
        List<String> expected = new ArrayList<>();
        List<Map<String, Object>> items = api.getList("items");
        for (Map<String, Object> item : items) {
            for (Object p : (List<?>) item.get("prices")) {
                Map<?, ?> price = (Map<?, ?>) p;
                expected.add(String.join("|", (String) item.get("id"), (String) price.get("userProfile"), price.get("amount") + " NOK",
                        (String) price.get("amountExclVat"), (String) price.get("vatAmount"), item.get("dataCredit") == null ? "" : (String) item.get("dataCredit")));
            }
        }
        List<String> shown = browser.driver.findElements(By.cssSelector("tr.price")).stream().map(r -> String.join("|", r.getDomAttribute("data-product-id"),
                r.getDomAttribute("data-user-profile"), cell(r, "amount"), cell(r, "amount-excl-vat"), cell(r, "vat-amount"), cell(r, "credit"))).toList();
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(expected).contains(IMPORTED + "|CHILD|64.50 NOK|57.59|6.91|Data made available by Entur").anyMatch(r -> r.startsWith(MANUAL + "|ADULT|45.00 NOK|") && r.endsWith("|"));
        assertThat(browser.element("catalog-intro").getDomAttribute("data-environment")).isEqualTo(api.getString("environment"));
        assertThat(browser.text("data-credit")).startsWith("Data made available by Entur");
        browser.screenshot(repository, "catalog");

        // Agreements, read-only, and the notice that this one is ready for use.
        browser.follow("nav-agreements");
        WebElement row = browser.element("agreements").findElement(By.cssSelector("tr[data-agreement-id='" + agreement + "']"));
        assertThat(cell(row, "status")).isEqualTo("ACTIVE");
        assertThat(cell(row, "rights")).isEqualTo("REFUND SELL");
        assertThat(cell(row, "ready-in")).isEqualTo("STAGING");
        assertThat(browser.element("notifications").findElement(By.cssSelector("li.ready[data-agreement-id='" + agreement + "']"))
                .getDomAttribute("data-environment")).isEqualTo("STAGING");
        assertThat(browser.present("create")).isFalse();
        browser.screenshot(repository, "agreements");

        // The order, found by its reference; the child's line refunded from the portal.
        browser.follow("nav-orders");
        browser.type("externalReference", reference);
        browser.follow("search");
        List<String> found = browser.driver.findElements(By.cssSelector("tr.order")).stream().map(r -> r.getDomAttribute("data-order-id")).toList();
        assertThat(found).containsExactly(orderId);
        browser.follow(browser.driver.findElement(By.cssSelector("tr.order a.open")));
        assertThat(browser.text("order-status")).isEqualTo("CONFIRMED");
        browser.follow(line("CHILD").findElement(By.className("refund")));
        assertThat(browser.text("refunded")).contains("credit");
        assertThat(cell(line("CHILD"), "status")).isEqualTo("REFUNDED");
        assertThat(line("CHILD").findElements(By.className("refund"))).isEmpty();
        assertThat(cell(line("ADULT"), "status")).isEqualTo("ACTIVE");
        browser.screenshot(repository, "order");
        JsonPath order = given().auth().oauth2(partnerToken).get(RunningPlatform.url(Service.SALES) + "/v1/orders/{id}", orderId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(order.getInt("version")).isEqualTo(2);
        assertThat(order.getList("orderLines.findAll { it.status == 'REFUNDED' }.userProfile")).containsExactly("CHILD");

        // Finance closes the day: the settlement is on the page, and its CSV is settlement-service's own.
        SettlementIT.awaitEntries(finance, partner, 2);
        JsonPath closed = SettlementIT.closeToday(finance, partner, today, 201);
        String settlementId = closed.getString("settlementId");
        browser.follow("nav-settlements");
        WebElement settlement = browser.element("settlements").findElement(By.cssSelector("tr[data-settlement-id='" + settlementId + "']"));
        assertThat(cell(settlement, "gross")).isEqualTo(closed.getString("totals.grossAmount")).isEqualTo("129.00");
        assertThat(cell(settlement, "net")).isEqualTo(closed.getString("totals.netToOperatorAmount"));
        browser.follow(settlement.findElement(By.className("open")));
        assertThat(browser.text("settlement-no")).isEqualTo("1");
        assertThat(browser.element("settlement-totals").findElement(By.cssSelector("tr.totals .commission")).getText())
                .isEqualTo(closed.getString("totals.commissionAmount"));
        browser.screenshot(repository, "settlement");
        byte[] direct = given().auth().oauth2(finance).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlements/{id}/entries.csv", settlementId)
                .then().statusCode(200).extract().asByteArray();
        var download = given().header("Cookie", PortalPersons.cookies(browser)).redirects().follow(false)
                .get(portal + "/settlements/{id}/entries.csv", settlementId).then().statusCode(200).extract();
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.asByteArray()).isEqualTo(direct);
        // An unknown settlement is a 404 page (another organisation's answers 404 at the API: SettlementReportsTest).
        given().header("Cookie", PortalPersons.cookies(browser)).redirects().follow(false)
                .get(portal + "/settlements/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static void importAndPublish(long operator) throws IOException {
        byte[] netex;
        try (InputStream in = PortalSalesBrowserIT.class.getResourceAsStream("/netex/portal-fares.xml")) {
            netex = in.readAllBytes();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).contentType("application/xml").body(netex)
                .queryParam("codespace", "PRT").queryParam("operatorOrganisationId", operator)
                .post(RunningPlatform.url(Service.CATALOG) + "/v1/admin/imports/netex").then().statusCode(200));
        given().auth().oauth2(admin).post(RunningPlatform.url(Service.CATALOG) + "/v1/admin/products/{id}/publish", IMPORTED).then().statusCode(200);
    }

    private static WebElement line(String userProfile) {
        return browser.element("order-lines").findElements(By.cssSelector("tr.line")).stream().filter(r -> r.getText().contains(userProfile))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + userProfile));
    }

    private static String cell(WebElement row, String className) {
        return row.findElement(By.className(className)).getText();
    }
}
