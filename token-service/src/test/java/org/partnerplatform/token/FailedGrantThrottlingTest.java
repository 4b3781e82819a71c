package org.partnerplatform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.token.OAuthErrors.assertInvalidClient;
import static org.partnerplatform.token.TokenServiceApi.createClient;
import static org.partnerplatform.token.TokenServiceApi.createPartner;
import static org.partnerplatform.token.TokenServiceApi.grant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.TokenServiceApi.Credentials;
import org.partnerplatform.token.service.RandomValues;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Repeated failed grants of one client id: five free failures, then 1 s, 2 s, ... up to 30 s (the defaults), answered
 * 429 slow_down with Retry-After; the real client is never locked out for good.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class FailedGrantThrottlingTest {
    static String admin;
    static long partner;

    @BeforeEach
    void partner() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
            partner = createPartner(admin, "Gjetteleken AS");
        }
    }

    @Test
    void afterRepeatedFailuresGrantsAreSlowedDownAndTheRealSecretWorksAfterTheDelay() throws Exception {
        Credentials client = createClient(admin, partner, "gjetteleken-app", "PARTNER");
        for (int i = 0; i < 6; i++) {
            // The sixth still gets its answer, and starts the first delay (1 s).
            assertInvalidClient(grant(client.clientId(), "guess-" + i));
        }
        // During the delay even the right secret, never checked on this replica, waits: checking it is what costs.
        Response slowed = grant(client.clientId(), client.secret());
        assertSlowDown(slowed, 1);
        sleepFor(slowed);
        grant(client.clientId(), client.secret()).then().statusCode(200);
        // Success forgives: the next wrong secret is a plain failure again.
        assertInvalidClient(grant(client.clientId(), "one more guess"));
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureAndRefusedAttemptsDoNotExtendIt() throws Exception {
        Credentials client = createClient(admin, partner, "gjetteleken-kasse", "PARTNER");
        for (int i = 0; i < 6; i++) {
            assertInvalidClient(grant(client.clientId(), "guess-" + i));
        }
        Response first = grant(client.clientId(), "guess-6");
        assertSlowDown(first, 1);
        // Refused attempts run no check and count for nothing.
        assertSlowDown(grant(client.clientId(), "guess-7"), 1);
        sleepFor(first);
        assertInvalidClient(grant(client.clientId(), "guess-8"));
        Response second = grant(client.clientId(), client.secret());
        assertSlowDown(second, 2);
        sleepFor(second);
        grant(client.clientId(), client.secret()).then().statusCode(200);
    }

    @Test
    void aSecretAlreadyVerifiedHereIsNeverSlowedDownBySomeoneGuessing() {
        Credentials client = createClient(admin, partner, "gjetteleken-portal", "PARTNER");
        grant(client.clientId(), client.secret()).then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            assertInvalidClient(grant(client.clientId(), "guess-" + i));
        }
        assertSlowDown(grant(client.clientId(), "guess-6"), 1);
        // The real client, whose secret is in the verified-secret cache, carries on at once.
        grant(client.clientId(), client.secret()).then().statusCode(200);
    }

    @Test
    void unknownClientIdsAreSlowedDownAlikeSoThatTheAnswersSayNothingAboutWhichIdsExist() {
        String unknown = RandomValues.identifier();
        for (int i = 0; i < 6; i++) {
            assertInvalidClient(grant(unknown, "guess-" + i));
        }
        assertSlowDown(grant(unknown, "guess-6"), 1);
    }

    private static void assertSlowDown(Response response, long retryAfterSeconds) {
        OAuthErrors.assertError(response, 429, "slow_down").header("Retry-After", equalTo(Long.toString(retryAfterSeconds)));
        assertThat(response.asString()).contains("error_description");
    }

    /** Waits the Retry-After the server asked for, plus a little for the rounding. */
    private static void sleepFor(Response slowed) throws InterruptedException {
        Thread.sleep(Long.parseLong(slowed.header("Retry-After")) * 1000 + 100);
    }
}
