package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every response names its correlation id (the caller's when plain, else a new one), a 401 too; the log lines
 * written for a request carry it with the caller's organisation and ET-Client-Name; ET-Client-Name is counted.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class RequestContextLoggingTest {
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aResponseEchoesThePlainCorrelationIdItWasGivenAndNamesANewOneOtherwise() {
        given().header("X-Correlation-Id", "booking-42").get("/.well-known/openid-configuration").then().statusCode(200)
                .header("X-Correlation-Id", equalTo("booking-42"));
        given().get("/.well-known/openid-configuration").then().statusCode(200).header("X-Correlation-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Correlation-Id", "two words").get("/.well-known/openid-configuration").then().statusCode(200)
                .header("X-Correlation-Id", matchesPattern(UUID_PATTERN));
        // Refused before any resource runs: still named.
        given().header("X-Correlation-Id", "refused-1").get("/v1/organisations").then().statusCode(401)
                .header("X-Correlation-Id", equalTo("refused-1"));
    }

    @Test
    void theLogLinesOfARequestCarryItsCorrelationIdOrganisationAndClientName() {
        String correlationId = "register-" + UUID.randomUUID();
        String admin = TokenServiceApi.adminToken();
        List<ExtLogRecord> records;
        List<ExtLogRecord> next;
        try (Capture capture = Capture.start()) {
            String id = given().auth().oauth2(admin).header("X-Correlation-Id", correlationId).header("ET-Client-Name", "platform-ops-console")
                    .contentType(ContentType.JSON).body("{\"name\":\"Loggfører AS\",\"type\":\"PARTNER\"}").post("/v1/organisations")
                    .then().statusCode(201).header("X-Correlation-Id", equalTo(correlationId)).extract().path("organisationId").toString();
            // The next request, without either header: nothing of the first one's stays on its lines.
            String other = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"Glemsom AS\",\"type\":\"PARTNER\"}")
                    .post("/v1/organisations").then().statusCode(201).extract().path("organisationId").toString();
            records = capture.records.stream().filter(r -> r.getFormattedMessage().equals("registered PARTNER organisation " + id)).toList();
            next = capture.records.stream().filter(r -> r.getFormattedMessage().equals("registered PARTNER organisation " + other)).toList();
        }
        assertThat(records).hasSize(1);
        ExtLogRecord line = records.get(0);
        assertThat(line.getMdc("correlationId")).isEqualTo(correlationId);
        assertThat(line.getMdc("organisationId")).isEqualTo("1");
        assertThat(line.getMdc("clientName")).isEqualTo("platform-ops-console");
        assertThat(next).hasSize(1);
        assertThat(next.get(0).getMdc("correlationId")).matches(UUID_PATTERN);
        assertThat(next.get(0).getMdc("clientName")).isNull();
        assertThat(next.get(0).getMdc("organisationId")).isEqualTo("1");
    }

    @Test
    void etClientNameIsCountedInTheMetrics() {
        given().header("ET-Client-Name", "metrics-probe-app").get("/.well-known/openid-configuration").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("platform_http_client_requests_total{client_name=\"metrics-probe-app\",status=\"2xx\"}"));
    }

    /** Log records with their MDC, as the JSON and text formats print them. */
    static final class Capture extends Handler implements AutoCloseable {
        final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

        static Capture start() {
            Capture capture = new Capture();
            capture.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(capture);
            return capture;
        }

        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
