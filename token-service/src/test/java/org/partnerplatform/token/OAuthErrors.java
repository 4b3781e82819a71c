package org.partnerplatform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What every OAuth endpoint error must look like: RFC 6749 §5.2 JSON, never cached, never holding a token. */
public final class OAuthErrors {

    private OAuthErrors() {
    }

    public static ValidatableResponse assertError(Response response, int status, String error) {
        ValidatableResponse then = response.then().statusCode(status)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("error", equalTo(error))
                .body("error_description", not(emptyOrNullString()));
        assertThat(response.asString()).doesNotContain("access_token");
        return then;
    }

    public static void assertInvalidClient(Response response) {
        assertError(response, 401, "invalid_client").header("WWW-Authenticate", "Basic realm=\"token-service\"");
    }
}
