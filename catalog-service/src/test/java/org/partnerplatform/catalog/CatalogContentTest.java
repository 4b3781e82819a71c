package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.catalog;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.partnerToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.catalog.rest.CatalogResponseCache;
import org.partnerplatform.catalog.service.CatalogService;
import org.partnerplatform.catalog.service.CatalogService.CatalogQuery;
import org.partnerplatform.catalog.service.CatalogService.CatalogRequest;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What a catalog item says (prices split exactly, coverage, credit), and how the catalog is filtered, paged and cached. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogContentTest {
    @Inject
    CatalogResponseCache cache;
    @Inject
    CatalogService catalogService;

    private static Map<String, Object> priced(Operator operator, String name, String... profileAndAmount) {
        Map<String, Object> body = operator.product(name, "1.00");
        List<Map<String, String>> prices = new ArrayList<>();
        for (int i = 0; i + 1 < profileAndAmount.length; i += 2) {
            prices.add(Map.of("userProfile", profileAndAmount[i], "amount", profileAndAmount[i + 1]));
        }
        body.put("prices", prices);
        return body;
    }

    @Test
    void pricesAreSplitIntoAmountWithoutVatAndVatToTheOre() {
        Operator operator = newOperator();
        Map<String, Object> content = priced(operator, "Standard",
                "ADULT", "399.00", "CHILD", "99.00", "SENIOR", "399.98", "STUDENT", "0.00", "INFANT", "120.00");
        content.put("ticketValidity", "PT90M");
        String product = operator.publishedProduct(content);
        long partner = newOrganisation();
        String agreementId = agreement(partner, operator).products(product).commission(750).sellable();

        catalog(partner).statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(product))
                .body("items[0].operatorOrganisationId", equalTo((int) operator.organisationId()))
                .body("items[0].codespace", equalTo(operator.codespace()))
                .body("items[0].name.nb", equalTo("Standard billett"))
                .body("items[0].name.en", equalTo("Standard ticket"))
                .body("items[0].vatGroup", equalTo("TRANSPORT_AND_TICKETS_VAT"))
                .body("items[0].vatRate", equalTo("12"))
                .body("items[0].distributionChannels", equalTo(List.of("WEB", "APP")))
                .body("items[0].validFrom", equalTo(Fixtures.today().minusDays(10).toString()))
                .body("items[0].ticketValidity", equalTo("PT90M"))
                .body("items[0].prices.userProfile", equalTo(List.of("ADULT", "CHILD", "SENIOR", "STUDENT", "INFANT")))
                .body("items[0].prices.currency", equalTo(List.of("NOK", "NOK", "NOK", "NOK", "NOK")))
                .body("items[0].prices.amount", equalTo(List.of("399.00", "99.00", "399.98", "0.00", "120.00")))
                // VAT = amount × 12 / 112, half up (the rule orders charge by): 399.98 gives 42.855, so 42.86; the rest is without VAT
                .body("items[0].prices.amountExclVat", equalTo(List.of("356.25", "88.39", "357.12", "0.00", "107.14")))
                .body("items[0].prices.vatAmount", equalTo(List.of("42.75", "10.61", "42.86", "0.00", "12.86")))
                .body("items[0].agreements", hasSize(1))
                .body("items[0].agreements[0].agreementId", equalTo(agreementId))
                .body("items[0].agreements[0].commissionBasisPoints", equalTo(750))
                .body("items[0].agreements[0].distributionChannelId", equalTo("WEB"));
    }

    @Test
    void aProductCoveredByTwoAgreementsNamesBoth() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String explicit = agreement(partner, operator).products(product).commission(300).sellable();
        String all = agreement(partner, operator).allProducts().commission(900).sellable();

        Response response = catalog(partner).statusCode(200).body("items", hasSize(1)).extract().response();
        Map<String, Integer> commissions = new HashMap<>();
        List<Map<String, Object>> coverage = response.jsonPath().getList("items[0].agreements");
        coverage.forEach(c -> commissions.put((String) c.get("agreementId"), (Integer) c.get("commissionBasisPoints")));
        assertThat(commissions).containsOnly(Map.entry(explicit, 300), Map.entry(all, 900));
    }

    @Test
    void theCatalogCarriesTheDataCreditItsEnvironmentAndItsDate() {
        long partner = newOrganisation();
        catalog(partner).statusCode(200)
                .header("X-Data-Credit", "Data made available by Entur")
                .body("dataCredit", equalTo("Data made available by Entur"))
                .body("dataLicence", equalTo("NLOD"))
                .body("organisationId", equalTo((int) partner))
                .body("environment", equalTo("STAGING"))
                .body("date", equalTo(Fixtures.today().toString()))
                .body("items", empty())
                .body("totalCount", equalTo(0));
        given().get("/q/openapi").then().statusCode(200).body(containsString("Data made available by Entur"));
    }

    @Test
    void filtersByOperatorCodespaceOrOrganisationUserProfileAndText() {
        Operator vy = newOperator();
        Operator ruter = newOperator();
        String vyStandard = vy.publishedProduct(priced(vy, "Standard", "ADULT", "399.00", "CHILD", "199.00"));
        String vyFlex = vy.publishedProduct(priced(vy, "Flex", "ADULT", "599.00"));
        Map<String, Object> nightBody = priced(ruter, "Natt", "ADULT", "60.00", "CHILD", "30.00");
        nightBody.put("name", Map.of("nb", "Nattbuss 100%", "en", "Night bus"));
        String ruterNight = ruter.publishedProduct(nightBody);
        long partner = newOrganisation();
        agreement(partner, vy).allProducts().sellable();
        agreement(partner, ruter).allProducts().sellable();

        assertThat(ids(catalog(partner))).containsExactlyInAnyOrder(vyStandard, vyFlex, ruterNight);
        assertThat(ids(catalog(partner, "operator", vy.codespace()))).containsExactly(vyFlex, vyStandard);
        assertThat(ids(catalog(partner, "operator", ruter.codespace().toLowerCase()))).containsExactly(ruterNight);
        assertThat(ids(catalog(partner, "operator", Long.toString(ruter.organisationId())))).containsExactly(ruterNight);

        Response children = catalog(partner, "userProfile", "CHILD").statusCode(200).extract().response();
        assertThat(children.jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrder(vyStandard, ruterNight);
        assertThat(children.jsonPath().getList("items.prices.userProfile.flatten()", String.class)).containsOnly("CHILD");

        assertThat(ids(catalog(partner, "q", "NIGHT"))).containsExactly(ruterNight);
        assertThat(ids(catalog(partner, "q", "flex"))).containsExactly(vyFlex);
        assertThat(ids(catalog(partner, "q", vy.codespace().toLowerCase() + ":sales"))).containsExactly(vyFlex, vyStandard);
        // LIKE's wildcards are literal: "%" matches only a name that has one.
        assertThat(ids(catalog(partner, "q", "100%"))).containsExactly(ruterNight);
        assertThat(ids(catalog(partner, "q", "%"))).containsExactly(ruterNight);
        assertThat(ids(catalog(partner, "q", "_"))).isEmpty();

        catalog(partner, "operator", "not an operator").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("operator"));
        catalog(partner, "userProfile", "child").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagesAreOrderedByIdCountTheWholeCatalogAndAreBounded() {
        Operator operator = newOperator();
        List<String> products = new ArrayList<>();
        for (String name : List.of("E", "C", "A", "D", "B")) {
            products.add(operator.publishedProduct(name));
        }
        products.sort(null);
        long partner = newOrganisation();
        agreement(partner, operator).allProducts().sellable();

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Response response = catalog(partner, "pageSize", 2, "page", page).statusCode(200)
                    .body("page", equalTo(page)).body("pageSize", equalTo(2))
                    .body("totalCount", equalTo(5)).body("totalPages", equalTo(3))
                    .extract().response();
            seen.addAll(response.jsonPath().getList("items.id", String.class));
        }
        assertThat(seen).containsExactlyElementsOf(products);
        catalog(partner, "pageSize", 2, "page", 3).statusCode(200).body("items", empty()).body("totalCount", equalTo(5));
        catalog(partner).statusCode(200).body("pageSize", equalTo(50)).body("page", equalTo(0));

        catalog(partner, "pageSize", 201).statusCode(400).contentType("application/problem+json");
        catalog(partner, "pageSize", 0).statusCode(400).contentType("application/problem+json");
        catalog(partner, "page", -1).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnchangedCatalogAnswers304ToItsETagAndAChangedOneAnswersAgain() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        agreement(partner, operator).products(product).sellable();

        String etag = catalog(partner).statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        catalog(partner).statusCode(200).header("ETag", etag);

        given().auth().oauth2(partnerToken(partner)).header("If-None-Match", etag).get("/v1/catalog")
                .then().statusCode(304).header("ETag", etag).body(equalTo(""));
        given().auth().oauth2(partnerToken(partner)).header("If-None-Match", "\"other\", W/" + etag).get("/v1/catalog")
                .then().statusCode(304);
        // The same tag does not stand for another page.
        given().auth().oauth2(partnerToken(partner)).header("If-None-Match", etag).queryParam("pageSize", 10).get("/v1/catalog")
                .then().statusCode(200);

        Map<String, Object> update = operator.product("Standard", "449.00");
        update.put("version", 1);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(update)
                .put("/v1/admin/products/{id}", product).then().statusCode(200);
        given().auth().oauth2(partnerToken(partner)).header("If-None-Match", etag).get("/v1/catalog")
                .then().statusCode(200).header("ETag", not(etag)).body("items[0].prices[0].amount", equalTo("449.00"));
    }

    @Test
    void aChangeRetiresTheCachedCatalogsThatDependOnItAndNoOthers() {
        Operator first = newOperator();
        Operator second = newOperator();
        String firstProduct = first.publishedProduct("Standard");
        String secondProduct = second.publishedProduct("Standard");
        long withFirst = newOrganisation();
        long withSecond = newOrganisation();
        long withBoth = newOrganisation();
        agreement(withFirst, first).products(firstProduct).sellable();
        agreement(withSecond, second).products(secondProduct).sellable();
        agreement(withBoth, first).products(firstProduct).sellable();
        agreement(withBoth, second).products(secondProduct).sellable();
        for (long partner : List.of(withFirst, withSecond, withBoth)) {
            catalog(partner).statusCode(200);
            assertThat(cache.current(firstPage(partner))).as("cached catalog of %d", partner).isPresent();
        }

        // A product of the second operator: the partners with agreements with it compute their catalogs again.
        Map<String, Object> update = second.product("Standard", "99.00");
        update.put("version", 1);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(update)
                .put("/v1/admin/products/{id}", secondProduct).then().statusCode(200);
        assertThat(cache.current(firstPage(withFirst))).isPresent();
        assertThat(cache.current(firstPage(withSecond))).isEmpty();
        assertThat(cache.current(firstPage(withBoth))).isEmpty();
        catalog(withBoth).statusCode(200).body("items.find { it.id == '" + secondProduct + "' }.prices[0].amount", equalTo("99.00"));

        // An agreement of one partner: that partner's catalog alone.
        String another = first.publishedProduct("Periode");
        for (long partner : List.of(withFirst, withSecond, withBoth)) {
            catalog(partner).statusCode(200);
            assertThat(cache.current(firstPage(partner))).as("cached catalog of %d", partner).isPresent();
        }
        // A draft is in no catalog: creating one retires nothing.
        first.draftProduct("Utkast");
        for (long partner : List.of(withFirst, withSecond, withBoth)) {
            assertThat(cache.current(firstPage(partner))).as("cached catalog of %d after a draft", partner).isPresent();
        }
        agreement(withFirst, first).products(another).sellable();
        assertThat(cache.current(firstPage(withFirst))).isEmpty();
        assertThat(cache.current(firstPage(withSecond))).isPresent();
        assertThat(cache.current(firstPage(withBoth))).isPresent();
        assertThat(ids(catalog(withFirst))).contains(firstProduct, another);
    }

    private CatalogQuery firstPage(long partner) {
        return catalogService.query(partner, new CatalogRequest(null, null, null, 0, CatalogService.DEFAULT_PAGE_SIZE));
    }

    private static List<String> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }
}
