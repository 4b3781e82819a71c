package org.partnerplatform.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.partnerplatform.sales.SalesTest.FLEX;
import static org.partnerplatform.sales.SalesTest.STANDARD;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.sales.service.TicketKeys;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.tickets.TicketVerifier;
import org.partnerplatform.tickets.Verdict;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** Signed tickets on real PostgreSQL and Kafka: issued at confirmation, verified against the published keys, as QR codes, across a key rotation. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class TicketsTest {
    static final String ISSUER = "https://sales.staging.partnerplatform.local/";
    static KafkaTestClient kafka;

    @Inject
    Pool pool;
    @Inject
    TicketKeys keys;

    @BeforeAll
    static void catalog() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
        SalesFixtures.publishStandardAndFlex(kafka);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static JsonPath tickets(long partner, String orderId) {
        return OrdersTest.as(partner).get("/v1/orders/{id}/tickets", orderId).then().statusCode(200).extract().jsonPath();
    }

    static TicketVerifier verifier() {
        String jwks = given().get("/.well-known/ticket-keys.json").then().statusCode(200).header("Cache-Control", startsWith("public, max-age="))
                .extract().asString();
        return new TicketVerifier(TicketVerifier.keys(jwks), ISSUER, Set.of(), TicketVerifier.DEFAULT_CLOCK_SKEW);
    }

    @Test
    void aConfirmedOrdersTicketsAreSignedValidForTheirProductAndVerify() throws Exception {
        long partner = OrdersTest.partner(kafka, pool, "SELL");
        Instant before = Instant.now().minusSeconds(1);
        String orderId = OrdersTest.confirmed(partner).path("id");
        JsonPath tickets = tickets(partner, orderId);
        assertThat(tickets.getList("$")).hasSize(3);
        TicketVerifier verifier = verifier();
        for (int i = 0; i < 3; i++) {
            String signed = tickets.getString("[" + i + "].signedTicket");
            Instant from = Instant.parse(tickets.getString("[" + i + "].validFrom"));
            assertThat(from).isBetween(before, Instant.now());
            assertThat(Instant.parse(tickets.getString("[" + i + "].validTo"))).isEqualTo(from.plus(Duration.ofMinutes(90)));
            assertThat(tickets.getInt("[" + i + "].signedTicketBytes")).isEqualTo(signed.length()).isLessThanOrEqualTo(600);
            Verdict verdict = verifier.verify(signed, Instant.now(), Optional.of("VYG"));
            assertThat(verdict.reason()).as(verdict.detail()).isEqualTo(Verdict.Reason.VALID);
            assertThat(verdict.claims().orElseThrow().ticketId()).isEqualTo(tickets.getString("[" + i + "].ticketId"));
            assertThat(verdict.claims().orElseThrow().orderId()).isEqualTo(orderId);
            assertThat(verdict.claims().orElseThrow().productId()).isEqualTo(tickets.getString("[" + i + "].productId"));
            assertThat(verifier.verify(signed, Instant.now(), Optional.of("RUT")).reason()).isEqualTo(Verdict.Reason.OTHER_OPERATOR);
        }
        // Another organisation sees neither the tickets nor their QR codes.
        long other = OrdersTest.partner(kafka, pool, "SELL");
        OrdersTest.as(other).get("/v1/orders/{id}/tickets", orderId).then().statusCode(404);
        OrdersTest.as(other).get(tickets.getString("[0].qrCode")).then().statusCode(404);
    }

    @Test
    void aLineAsksForItsStartOfValidityATravelDateOrAnInstant() {
        long partner = OrdersTest.partner(kafka, pool, "SELL");
        java.time.ZoneId oslo = java.time.ZoneId.of("Europe/Oslo");
        java.time.LocalDate tomorrow = java.time.LocalDate.now(oslo).plusDays(1);
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = "{\"lines\":[{\"productId\":\"" + STANDARD + "\",\"userProfile\":\"ADULT\",\"quantity\":1,\"travelDate\":\"" + tomorrow
                + "\"},{\"productId\":\"" + FLEX + "\",\"userProfile\":\"ADULT\",\"quantity\":1,\"validFrom\":\"" + inAnHour + "\"}]}";
        String orderId = OrdersTest.as(partner).header("Idempotency-Key", SalesTest.key()).body(body).post("/v1/sales").then().statusCode(201)
                .extract().path("id");
        JsonPath tickets = tickets(partner, orderId);
        String day = "find { it.productId == '" + STANDARD + "' }";
        assertThat(Instant.parse(tickets.getString(day + ".validFrom"))).isEqualTo(tomorrow.atStartOfDay(oslo).toInstant());
        assertThat(Instant.parse(tickets.getString(day + ".validTo"))).isEqualTo(tomorrow.plusDays(1).atStartOfDay(oslo).toInstant());
        String later = "find { it.productId == '" + FLEX + "' }";
        assertThat(Instant.parse(tickets.getString(later + ".validFrom"))).isEqualTo(inAnHour);
        assertThat(Instant.parse(tickets.getString(later + ".validTo"))).isEqualTo(inAnHour.plus(Duration.ofMinutes(90)));
        // Not valid yet: refused until its start (offline, with the minute of clock skew).
        assertThat(verifier().verify(tickets.getString(later + ".signedTicket"), Instant.now(), Optional.empty()).reason())
                .isEqualTo(Verdict.Reason.NOT_YET_VALID);

        String both = "{\"lines\":[{\"productId\":\"" + STANDARD + "\",\"userProfile\":\"ADULT\",\"quantity\":1,\"travelDate\":\"" + tomorrow
                + "\",\"validFrom\":\"" + inAnHour + "\"}]}";
        OrdersTest.as(partner).header("Idempotency-Key", SalesTest.key()).body(both).post("/v1/sales").then().statusCode(400);
        String past = "{\"lines\":[{\"productId\":\"" + STANDARD + "\",\"userProfile\":\"ADULT\",\"quantity\":1,\"travelDate\":\""
                + tomorrow.minusDays(2) + "\"}]}";
        OrdersTest.as(partner).header("Idempotency-Key", SalesTest.key()).body(past).post("/v1/sales").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-validity-start"));
    }

    @Test
    void theQrCodeDecodesToTheExactSignedTicket() throws Exception {
        long partner = OrdersTest.partner(kafka, pool, "SELL");
        String orderId = OrdersTest.confirmed(partner).path("id");
        JsonPath tickets = tickets(partner, orderId);
        byte[] png = OrdersTest.as(partner).get(tickets.getString("[0].qrCode")).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // PURE_BARCODE: the image is the code itself, read module by module; ZXing's finder-pattern search (for camera
        // images) missed one such code once in CI.
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
                pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(tickets.getString("[0].signedTicket"));
    }

    @Test
    void theOpenApiDocumentDescribesTheTicketsTheirQrCodesAndTheKeys() {
        JsonPath openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(openapi.getMap("paths.'/v1/orders/{id}/tickets'.get")).isNotNull();
        assertThat(openapi.getMap("paths.'/v1/orders/{id}/tickets/{ticketId}.png'.get.responses.'200'.content")).containsKey("image/png");
        assertThat(openapi.getMap("paths.'/.well-known/ticket-keys.json'.get")).isNotNull();
        assertThat(openapi.getMap("paths.'/v1/tickets/verify'.post")).isNotNull();
        assertThat(openapi.getMap("paths.'/v1/tickets/disabled'.get")).isNotNull();
    }

    @Test
    void afterARotationOldTicketsStillVerifyAndNewOnesUseTheNewKey() {
        long partner = OrdersTest.partner(kafka, pool, "SELL");
        String admin = SalesTest.OIDC.token("platform-admin", 1, "PLATFORM_ADMIN");
        String oldKid = keys.signer().kid();
        String before = OrdersTest.confirmed(partner).path("id");
        String oldTicket = tickets(partner, before).getString("[0].signedTicket");
        assertThat(tickets(partner, before).getString("[0].signingKeyId")).isEqualTo(oldKid);

        JsonPath next = given().auth().oauth2(admin).post("/v1/admin/ticket-keys/rotations").then().statusCode(202).extract().jsonPath();
        assertThat(next.getString("status")).isEqualTo("NEXT");
        String newKid = next.getString("kid");
        // Published at once, signing only after key-publish-ahead (PT4S in tests): inspectors learn it first.
        assertThat(verifier().verify(oldTicket, Instant.now(), Optional.empty()).reason()).isEqualTo(Verdict.Reason.VALID);
        assertThat(given().get("/.well-known/ticket-keys.json").then().extract().jsonPath().getList("keys.kid")).contains(newKid, oldKid);
        assertThat(keys.signer().kid()).isEqualTo(oldKid);

        await().atMost(Duration.ofSeconds(20)).until(() -> keys.signer().kid().equals(newKid));
        keys.advance().chain(keys::reload).await().atMost(Duration.ofSeconds(10));
        String after = OrdersTest.confirmed(partner).path("id");
        String newTicket = tickets(partner, after).getString("[0].signedTicket");
        assertThat(tickets(partner, after).getString("[0].signingKeyId")).isEqualTo(newKid);

        TicketVerifier verifier = verifier();
        assertThat(verifier.verify(oldTicket, Instant.now(), Optional.empty()).reason()).isEqualTo(Verdict.Reason.VALID);
        assertThat(verifier.verify(newTicket, Instant.now(), Optional.empty()).reason()).isEqualTo(Verdict.Reason.VALID);
        List<Map<String, Object>> listed = given().auth().oauth2(admin).get("/v1/admin/ticket-keys").then().statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, Object> retired = listed.stream().filter(k -> oldKid.equals(k.get("kid"))).findFirst().orElseThrow();
        assertThat(retired.get("status")).isEqualTo("RETIRED");
        assertThat(Instant.parse((String) retired.get("publishedUntil"))).isAfter(Instant.now().plus(Duration.ofDays(121)));
        OrdersTest.as(partner).post("/v1/admin/ticket-keys/rotations").then().statusCode(403);
    }
}
