package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.partnerplatform.devinfra.Platform.Service;

import io.restassured.http.ContentType;

/** Persons in the portal's browser tests: invited by a platform admin, accepted in the browser, signed in with their second factor. */
final class PortalPersons {
    static final String PASSWORD = "a long and memorable passphrase";

    private PortalPersons() {
    }

    /** A person invited with these roles, who has set a password and a second factor; answers their TOTP secret. */
    static String invited(Browser browser, String admin, long organisationId, String email, String... roles) {
        String link = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("email", email, "roles", List.of(roles)))
                .post(RunningPlatform.url(Service.TOKEN) + "/v1/organisations/{id}/invitations", organisationId)
                .then().statusCode(201).extract().path("link");
        browser.open(link);
        String secret = browser.text("totp-secret");
        IssuedSecrets.record(secret);
        browser.type("name", "Kari Nordmann");
        browser.type("password", PASSWORD);
        browser.type("repeat", PASSWORD);
        browser.type("code", Browser.totp(secret, 0));
        browser.follow("submit");
        assertThat(browser.text("done")).contains(email);
        return secret;
    }

    /** Signs in through the portal: off to token-service's page and back. The next step's code, each is used once. */
    static void signIn(Browser browser, String portal, String email, String secret, Runnable beforeSubmit) {
        browser.driver.manage().deleteAllCookies();
        browser.open(portal + "/");
        browser.element("sign-in");
        assertThat(browser.driver.getCurrentUrl()).startsWith(RunningPlatform.url(Service.TOKEN) + "/oauth/authorize");
        browser.type("email", email);
        browser.type("password", PASSWORD);
        browser.type("code", Browser.totp(secret, 1));
        beforeSubmit.run();
        browser.follow("submit");
        browser.element("organisation-name");
        assertThat(browser.driver.getCurrentUrl()).startsWith(portal);
    }

    /** The browser's cookies for the portal, as one Cookie header: the session, and the CSRF cookie if any. */
    static String cookies(Browser browser) {
        return String.join("; ", browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
    }
}
