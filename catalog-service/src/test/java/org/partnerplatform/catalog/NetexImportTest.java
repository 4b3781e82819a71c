package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.catalog;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.partnerToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Importing the hub's NeTEx fare data (test resource netex/vy-fares-sample.xml, a Vy FareFrame): sales packages
 * become DRAFT products through the admin API's own code, with prices per user profile, channels and validity read
 * from the data, credited "Data made available by Entur"; a repeated import changes nothing, a changed price makes a
 * new version, and a document that breaks the rules is refused whole.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class NetexImportTest {
    private static final String BERGEN = "VYG:SalesOfferPackage:Oslo-Bergen";
    private static final String TRONDHEIM = "VYG:SalesOfferPackage:Oslo-Trondheim";
    private static final String LILLEHAMMER = "VYG:SalesOfferPackage:Oslo-Lillehammer";
    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    static String sample() {
        try (InputStream in = NetexImportTest.class.getClassLoader().getResourceAsStream("netex/vy-fares-sample.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse importNetex(String xml, Object... query) {
        var request = given().auth().oauth2(admin()).contentType("application/xml").body(xml.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.post("/v1/admin/imports/netex").then();
    }

    private static ValidatableResponse product(String id) {
        return given().auth().oauth2(admin()).get("/v1/admin/products/{id}", id).then().statusCode(200);
    }

    @Test
    void salesPackagesBecomeDraftProductsCreditedToTheHubAndARepeatedImportChangesNothing() {
        long vy = newOrganisation();
        importNetex(sample(), "operatorOrganisationId", vy).statusCode(200)
                .body("codespace", equalTo("VYG"))
                .body("operatorOrganisationId", equalTo((int) vy))
                .body("created", equalTo(List.of(BERGEN, TRONDHEIM, LILLEHAMMER)))
                .body("updated", empty())
                .body("warnings", empty())
                .body("dataSource", equalTo("NETEX_IMPORT"))
                .body("dataCredit", equalTo("Data made available by Entur"))
                .body("dataLicence", equalTo("NLOD"));

        product(BERGEN)
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("operatorOrganisationId", equalTo((int) vy))
                .body("codespace", equalTo("VYG"))
                .body("name.nb", equalTo("Oslo S–Bergen, standard"))
                .body("name.en", equalTo("Oslo S–Bergen, standard"))
                .body("prices.userProfile", equalTo(List.of("ADULT", "CHILD", "SENIOR", "STUDENT")))
                .body("prices.amount", equalTo(List.of("999.00", "499.50", "749.25", "749.25")))
                .body("distributionChannels", equalTo(List.of("WEB", "APP")))
                .body("validFrom", equalTo("2026-06-01"))
                .body("validTo", equalTo("2027-12-31"))
                // The fare product's UsageValidityPeriod, by reference.
                .body("ticketValidity", equalTo("P2D"))
                .body("vatGroup", equalTo("TRANSPORT_AND_TICKETS_VAT"))
                .body("dataSource", equalTo("NETEX_IMPORT"))
                .body("dataCredit", equalTo("Data made available by Entur"))
                .body("dataLicence", equalTo("NLOD"));
        // Prices named per cell, currency from the frame's defaults, validity from the composite frame.
        product(TRONDHEIM)
                .body("prices.amount", equalTo(List.of("1049.00", "524.50")))
                .body("distributionChannels", equalTo(List.of("WEB")))
                .body("validFrom", equalTo("2026-01-01"))
                .body("validTo", nullValue())
                // The package's own UsageValidityPeriod, inline.
                .body("ticketValidity", equalTo("PT1H30M"))
                .body("name.en", nullValue());
        // Priced through the package's PreassignedFareProduct; the channel from its type.
        product(LILLEHAMMER)
                .body("prices.userProfile", equalTo(List.of("ADULT", "SENIOR")))
                .body("prices.amount", equalTo(List.of("429.00", "214.50")))
                .body("distributionChannels", equalTo(List.of("AGENCY")))
                .body("ticketValidity", equalTo("P1D"));
        given().auth().oauth2(admin()).get("/v1/admin/operators").then()
                .body("find { it.codespace == 'VYG' }.organisationId", equalTo((int) vy));

        // The codespace is bound now: no operator id needed, and the same data changes nothing.
        importNetex(sample()).statusCode(200)
                .body("created", empty()).body("updated", empty()).body("unchanged", equalTo(List.of(BERGEN, TRONDHEIM, LILLEHAMMER)));
        product(BERGEN).body("version", equalTo(0));

        // An admin's ticket validity survives an import whose data says none (it would otherwise go back to P1D).
        Map<String, Object> lillehammer = new HashMap<>();
        lillehammer.put("name", Map.of("nb", "Oslo S–Lillehammer"));
        lillehammer.put("prices", List.of(Map.of("userProfile", "ADULT", "amount", "429.00"), Map.of("userProfile", "SENIOR", "amount", "214.50")));
        lillehammer.put("distributionChannels", List.of("AGENCY"));
        lillehammer.put("validFrom", product(LILLEHAMMER).extract().path("validFrom"));
        lillehammer.put("validTo", product(LILLEHAMMER).extract().path("validTo"));
        lillehammer.put("ticketValidity", "PT3H");
        lillehammer.put("version", 0);
        given().auth().oauth2(admin()).contentType("application/json").body(lillehammer).put("/v1/admin/products/{id}", LILLEHAMMER)
                .then().statusCode(200).body("ticketValidity", equalTo("PT3H"));
        importNetex(sample()).statusCode(200).body("unchanged", equalTo(List.of(BERGEN, TRONDHEIM, LILLEHAMMER)));
        product(LILLEHAMMER).body("version", equalTo(1)).body("ticketValidity", equalTo("PT3H"));

        // A changed price is a new version of that product only, published like any change.
        importNetex(sample().replace("<Amount>999.00</Amount>", "<Amount>1099.00</Amount>"), "codespace", "VYG").statusCode(200)
                .body("updated", equalTo(List.of(BERGEN))).body("unchanged", equalTo(List.of(TRONDHEIM, LILLEHAMMER)));
        product(BERGEN).body("version", equalTo(1)).body("status", equalTo("DRAFT")).body("prices[0].amount", equalTo("1099.00"));
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CATALOG_PRODUCTS, r -> BERGEN.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(records.stream().map(r -> EventJson.read(r.value(), ProductState.class)).toList())
                .extracting(s -> s.version() + " " + s.prices().get(0).amount()).containsExactly("0 999.00", "1 1099.00");

        // Published and sold, an imported product carries the hub's credit in the catalog too.
        Fixtures.publish(TRONDHEIM);
        long partner = newOrganisation();
        agreement(partner, new Fixtures.Operator(vy, "VYG")).products(TRONDHEIM).sellable();
        catalog(partner).statusCode(200)
                .body("items.id", equalTo(List.of(TRONDHEIM)))
                .body("items[0].dataCredit", equalTo("Data made available by Entur"));
    }

    @Test
    void aDocumentThatIsNotNeTExOrBreaksTheCatalogsRulesIsRefusedWhole() {
        importNetex("not xml at all").statusCode(400).contentType("application/problem+json").body("type", endsWith("/invalid-netex"));
        importNetex("<Something xmlns=\"urn:x\"/>").statusCode(400).body("type", endsWith("/invalid-netex"));
        // No DTDs, so no external entities.
        importNetex("<?xml version=\"1.0\"?><!DOCTYPE PublicationDelivery [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<PublicationDelivery xmlns=\"http://www.netex.org.uk/netex\" version=\"1.0\"><Description>&x;</Description></PublicationDelivery>")
                .statusCode(400).body("type", endsWith("/invalid-netex"));

        String ruter = sample().replace("VYG:SalesOfferPackage:", "RUT:SalesOfferPackage:").replace("VYG:FareTable:", "RUT:FareTable:");
        // A package that no fare table cell prices.
        String withoutPrices = ruter.replace("<SalesOfferPackage id=\"RUT:SalesOfferPackage:Oslo-Trondheim\"",
                "<SalesOfferPackage id=\"RUT:SalesOfferPackage:Oslo-Trondheim-Unpriced\"");
        long ruterId = newOrganisation();
        importNetex(withoutPrices, "operatorOrganisationId", ruterId).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("RUT:SalesOfferPackage:Oslo-Trondheim-Unpriced.prices"));
        // Packages of another codespace than the one asked for.
        importNetex(ruter, "codespace", "GOA", "operatorOrganisationId", newOrganisation()).statusCode(400)
                .body("errors.field", hasItem("RUT:SalesOfferPackage:Oslo-Bergen"))
                .body("detail", containsString("not in codespace GOA"));
        // An unknown codespace needs the operator's id.
        importNetex(ruter).statusCode(400).body("errors.field", hasItem("codespace"));
        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", "RUT:SalesOfferPackage:Oslo-Bergen").then().statusCode(404);

        given().auth().oauth2(partnerToken(newOrganisation())).contentType("application/xml").body(sample())
                .post("/v1/admin/imports/netex").then().statusCode(403);
    }
}
