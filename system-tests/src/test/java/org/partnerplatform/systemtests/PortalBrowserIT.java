package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.partnerplatform.devinfra.Platform;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.systemtests.PartnerPlatformApi.Credentials;

import io.restassured.http.ContentType;

/**
 * The partner portal in a real browser (headless Chromium): a person invited by a platform admin sets a password and
 * a second factor, signs in through token-service, creates a client whose secret is shown once, gets a token with it,
 * rotates and revokes it, and catalog-service then refuses the old token; a person without KLIENTADMINISTRATOR sees
 * no client actions and is refused the form's URL, and signs out; a form without its CSRF token is refused.
 */
class PortalBrowserIT {
    static final String PASSWORD = PortalPersons.PASSWORD;
    static Platform platform;
    static String admin;
    static String portal;
    static Path repository;
    static Browser browser;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        portal = platform.portalUrl();
        assertThat(portal).as("the portal must be built and running").isNotNull();
        repository = platform.settings().repository();
        admin = PartnerPlatformApi.adminToken();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static String invited(long organisationId, String email, String... roles) {
        return PortalPersons.invited(browser, admin, organisationId, email, roles);
    }

    static void signIn(String email, String secret, boolean screenshot) {
        PortalPersons.signIn(browser, portal, email, secret, () -> {
            if (screenshot) {
                browser.screenshot(repository, "sign-in");
            }
        });
    }

    @Test
    void aClientAdministratorManagesClientsWhoseSecretIsShownOnceAndRevokedTokensAreRefused() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long partner = PartnerPlatformApi.registerOrganisation(admin, "Portalreiser AS " + suffix, "PARTNER", null);
        long other = PartnerPlatformApi.registerOrganisation(admin, "Andre reiser AS " + suffix, "PARTNER", null);
        Credentials stranger = PartnerPlatformApi.createClient(admin, other, "andre-web", "PARTNER");
        String email = "kari-" + suffix + "@portalreiser.example";
        String secret = invited(partner, email, "KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR");

        signIn(email, secret, true);
        assertThat(browser.text("organisation-name")).isEqualTo("Portalreiser AS " + suffix);
        assertThat(browser.text("organisation-id")).isEqualTo(Long.toString(partner));
        assertThat(browser.text("person-roles")).contains("KLIENTADMINISTRATOR");
        assertThat(browser.text("certification")).isEqualTo("NOT_CERTIFIED");
        assertThat(browser.text("environments")).isEqualTo("DEVELOPMENT STAGING"); // not certified: no PRODUCTION
        browser.screenshot(repository, "my-organisation");

        // Create: the secret is on the page after the form, and only there.
        browser.follow("nav-clients");
        browser.type("name", "portalreiser-web");
        browser.click("role-PARTNER");
        browser.follow("create");
        String clientId = browser.text("client-id");
        String clientSecret = browser.text("client-secret");
        IssuedSecrets.record(clientSecret);
        assertThat(clientSecret).hasSizeGreaterThanOrEqualTo(40);
        // With a warning, and a button that copies it.
        assertThat(browser.driver.findElement(By.className("warning")).getText()).contains("shown this once");
        assertThat(browser.element("copy").getDomAttribute("data-copy")).isEqualTo("client-secret");
        browser.screenshot(repository, "client-secret");
        browser.driver.navigate().refresh();
        assertThat(browser.element("secret-gone").getText()).contains("shown once");
        assertThat(browser.present("client-secret")).isFalse();
        assertThat(browser.driver.getPageSource()).doesNotContain(clientSecret);

        // The secret gets a token; the list shows the organisation's clients and no other's.
        String token = PartnerPlatformApi.token(new Credentials(clientId, clientSecret));
        browser.open(portal + "/clients");
        List<String> listed = browser.driver.findElements(By.cssSelector("tr.client")).stream().map(r -> r.getDomAttribute("data-client-id")).toList();
        assertThat(listed).contains(clientId).doesNotContain(stranger.clientId());
        browser.screenshot(repository, "clients");

        // Rotate: a new secret, shown once; the old one no longer gets a token.
        browser.follow(row(clientId).findElement(By.className("rotate")));
        String rotated = browser.text("client-secret");
        IssuedSecrets.record(rotated);
        assertThat(rotated).isNotEqualTo(clientSecret);
        given().contentType(ContentType.JSON).body(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret))
                .post(RunningPlatform.url(Service.TOKEN) + "/oauth/token").then().statusCode(401);
        PartnerPlatformApi.token(new Credentials(clientId, rotated));

        // Revoke: catalog-service refuses the token issued before, within moments.
        given().auth().oauth2(token).get(RunningPlatform.url(Service.CATALOG) + "/v1/catalog").then().statusCode(200);
        browser.follow("back");
        browser.follow(row(clientId).findElement(By.className("revoke")));
        assertThat(row(clientId).findElement(By.className("status")).getText()).isEqualTo("REVOKED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get(RunningPlatform.url(Service.CATALOG) + "/v1/catalog").then().statusCode(401));

        // Persons: the user administrator invites a colleague (the link shown once), who accepts; their roles are
        // changed, then they are removed. Everything is in the audit log, naming the person who did it.
        browser.follow("nav-persons");
        assertThat(row("persons", "data-person-id", null, email).getText()).contains("(you)");
        // Nobody removes, resets or changes the roles of themselves.
        assertThat(row("persons", "data-person-id", null, email).findElements(By.cssSelector(".remove, .reset, .save-roles"))).isEmpty();
        assertThat(row("persons", "data-person-id", null, email).findElement(By.className("own-roles")).getText())
                .contains("KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR");
        String colleague = "ola-" + suffix + "@portalreiser.example";
        browser.type("email", colleague);
        browser.click("invite-SALES_READER");
        browser.follow("send-invitation");
        String link = browser.text("invitation-link");
        assertThat(link).startsWith(RunningPlatform.url(Service.TOKEN) + "/invitations/");
        browser.driver.navigate().refresh();
        assertThat(browser.text("invitation-gone")).contains("shown once");
        browser.open(link);
        String colleagueSecret = browser.text("totp-secret");
        IssuedSecrets.record(colleagueSecret);
        browser.type("name", "Ola Nordmann");
        browser.type("password", PASSWORD);
        browser.type("repeat", PASSWORD);
        browser.type("code", Browser.totp(colleagueSecret, 0));
        browser.follow("submit");
        assertThat(browser.text("done")).contains(colleague);
        browser.open(portal + "/persons");
        WebElement ola = row("persons", "data-person-id", null, colleague);
        assertThat(ola.findElement(By.cssSelector("input.role-SALES_READER")).isSelected()).isTrue();
        ola.findElement(By.cssSelector("input.role-FINANCE_READER")).click();
        browser.follow(ola.findElement(By.className("save-roles")));
        ola = row("persons", "data-person-id", null, colleague);
        assertThat(ola.findElement(By.cssSelector("input.role-FINANCE_READER")).isSelected()).isTrue();
        browser.screenshot(repository, "persons");
        // A lost phone: Ola's sign-in is reset; the link is shown once, and with it Ola sets a new password and factor.
        browser.follow(ola.findElement(By.className("reset")));
        String reset = browser.text("invitation-link");
        assertThat(browser.driver.findElement(By.className("warning")).getText()).containsPattern("until \\d{4}-\\d{2}-\\d{2}T");
        assertThat(reset).startsWith(RunningPlatform.url(Service.TOKEN) + "/invitations/");
        browser.driver.navigate().refresh();
        assertThat(browser.text("invitation-gone")).contains("shown once");
        browser.open(portal + "/persons");
        assertThat(row("persons", "data-person-id", null, colleague).findElement(By.className("reset-pending")).isDisplayed()).isTrue();
        browser.open(reset);
        assertThat(browser.present("name")).isFalse();
        String newSecret = browser.text("totp-secret");
        IssuedSecrets.record(newSecret);
        assertThat(newSecret).isNotEqualTo(colleagueSecret);
        browser.type("password", PASSWORD + " anew");
        browser.type("repeat", PASSWORD + " anew");
        browser.type("code", Browser.totp(newSecret, 0));
        browser.follow("submit");
        assertThat(browser.text("done")).contains(colleague, "new password");
        browser.open(portal + "/persons");
        ola = row("persons", "data-person-id", null, colleague);
        assertThat(ola.findElements(By.className("reset-pending"))).isEmpty();
        assertThat(ola.getText()).contains("Ola Nordmann");
        browser.follow(ola.findElement(By.className("remove")));
        browser.element("persons");
        assertThat(browser.driver.getPageSource()).doesNotContain(colleague);

        browser.follow("nav-audit");
        List<String> actions = browser.driver.findElements(By.cssSelector("tr.audit-event .action")).stream().map(WebElement::getText).toList();
        assertThat(actions).contains("CLIENT_CREATED", "CLIENT_SECRET_ROTATED", "CLIENT_REVOKED", "INVITATION_CREATED", "INVITATION_ACCEPTED",
                "PERSON_ROLES_CHANGED", "PERSON_SIGN_IN_RESET", "PERSON_REMOVED", "PERSON_SIGNED_IN");
        assertThat(browser.driver.findElements(By.cssSelector("tr.audit-event .actor")).stream().map(WebElement::getText).toList())
                .anyMatch(actor -> actor.startsWith("person:"));
        assertThat(browser.driver.getPageSource()).doesNotContain(clientSecret).doesNotContain(rotated).doesNotContain(PASSWORD);
        browser.screenshot(repository, "audit-log");

        // The cookies: the session's and the CSRF token's are HttpOnly, the CSRF token's SameSite=Lax as written (Chrome
        // reports Lax for a cookie without the attribute too); Secure is on wherever the portal is served over HTTPS, and
        // this one is plain HTTP on loopback. Every page has the strict policy.
        assertThat(browser.driver.manage().getCookies()).filteredOn(c -> c.getName().startsWith("q_session")).isNotEmpty()
                .allMatch(org.openqa.selenium.Cookie::isHttpOnly);
        String sessionOnly = String.join("; ", browser.driver.manage().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        io.restassured.response.Response page = given().header("Cookie", sessionOnly).get(portal + "/clients");
        page.then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("default-src 'none'"),
                        org.hamcrest.Matchers.containsString("form-action 'self' " + RunningPlatform.url(Service.TOKEN) + ";"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .header("X-Frame-Options", "DENY").header("Cache-Control", "no-store");
        assertThat(page.detailedCookie("csrf-token")).isNotNull();
        assertThat(page.detailedCookie("csrf-token").isHttpOnly()).isTrue();
        assertThat(page.detailedCookie("csrf-token").getSameSite()).isEqualTo("Lax");
        String session = sessionCookies();
        // A form's URL opened in the browser (signed in again after the session ended under a form) leads to its page.
        given().header("Cookie", session).redirects().follow(false).get(portal + "/clients/" + clientId + "/rotate").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/clients"));

        // A form without its CSRF token is refused, whoever posts it.
        given().header("Cookie", session).contentType(ContentType.URLENC).formParam("name", "portalreiser-forged").formParam("roles", "PARTNER")
                .redirects().follow(false).post(portal + "/clients").then().statusCode(400);
        browser.open(portal + "/clients");
        assertThat(browser.driver.getPageSource()).doesNotContain("portalreiser-forged");
    }

    @Test
    void aPersonWithoutKlientadministratorSeesNoClientActionsAndIsRefusedTheForm() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long partner = PartnerPlatformApi.registerOrganisation(admin, "Lesereiser AS " + suffix, "PARTNER", null);
        PartnerPlatformApi.createClient(admin, partner, "lesereiser-web", "PARTNER");
        String email = "ola-" + suffix + "@lesereiser.example";
        String secret = invited(partner, email, "SALES_READER");
        signIn(email, secret, false);
        browser.follow("nav-clients");
        assertThat(browser.text("no-client-rights")).contains("KLIENTADMINISTRATOR");
        // Norwegian at the switch, kept from page to page, and back to English.
        browser.follow("language");
        assertThat(browser.text("no-client-rights")).contains("krever rollen KLIENTADMINISTRATOR");
        assertThat(browser.text("nav-home")).isEqualTo("Min organisasjon");
        browser.follow("nav-home");
        assertThat(browser.text("nav-clients")).isEqualTo("Klienter");
        assertThat(browser.driver.findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang")).isEqualTo("nb");
        browser.follow("language");
        assertThat(browser.text("nav-clients")).isEqualTo("Clients");
        browser.follow("nav-clients");
        assertThat(browser.driver.findElements(By.cssSelector("tr.client"))).isEmpty();
        assertThat(browser.present("create-client")).isFalse();
        assertThat(browser.driver.findElements(By.className("rotate"))).isEmpty();
        // No persons or audit pages either: not offered, and refused.
        assertThat(browser.present("nav-persons")).isFalse();
        assertThat(browser.present("nav-audit")).isFalse();
        given().header("Cookie", sessionCookies()).redirects().follow(false).get(portal + "/persons").then().statusCode(403);
        given().header("Cookie", sessionCookies()).redirects().follow(false).get(portal + "/audit").then().statusCode(403);
        // A sales reader is offered the catalog and orders, not the settlements or the admin pages (refunds: PersonAccessTest).
        assertThat(browser.present("nav-catalog")).isTrue();
        assertThat(browser.present("nav-orders")).isTrue();
        assertThat(browser.present("nav-settlements")).isFalse();
        given().header("Cookie", sessionCookies()).redirects().follow(false).get(portal + "/settlements").then().statusCode(403);
        given().header("Cookie", sessionCookies()).redirects().follow(false).get(portal + "/admin/organisations").then().statusCode(403);
        assertThat(browser.present("nav-admin-organisations")).isFalse();
        given().header("Cookie", sessionCookies()).redirects().follow(false).get(portal + "/orders").then().statusCode(200);
        given().header("Cookie", sessionCookies()).contentType(ContentType.URLENC).formParam("name", "lesereiser-forged")
                .redirects().follow(false).post(portal + "/clients").then().statusCode(403);

        // A browser that asks for Norwegian gets it without the switch.
        given().header("Accept-Language", "nb-NO,nb;q=0.9,en;q=0.5").get(portal + "/signed-out").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Du er logget ut"));
        given().header("Accept-Language", "de-DE").get(portal + "/signed-out").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("You are signed out"));

        // Signing out goes through token-service and back; the session is gone.
        browser.follow("sign-out");
        assertThat(browser.text("signed-out")).contains("signed out");
        browser.open(portal + "/clients");
        browser.element("sign-in");
        assertThat(browser.driver.getCurrentUrl()).startsWith(RunningPlatform.url(Service.TOKEN) + "/oauth/authorize");
        // The portal's switch reaches token-service's sign-in page too (ui_locales).
        browser.open(portal + "/language?to=nb&back=%2Fclients");
        browser.element("sign-in");
        assertThat(browser.driver.getCurrentUrl()).contains("ui_locales=nb");
        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nb");
    }

    private static WebElement row(String clientId) {
        return browser.element("clients").findElement(By.cssSelector("tr[data-client-id='" + clientId + "']"));
    }

    /** The row of a table whose text contains this (a person by their address). */
    private static WebElement row(String table, String attribute, String value, String containing) {
        return browser.element(table).findElements(By.cssSelector("tbody tr")).stream().filter(r -> r.getText().contains(containing))
                .findFirst().orElseThrow(() -> new AssertionError("no row of " + table + " contains " + containing));
    }

    private static String sessionCookies() {
        return PortalPersons.cookies(browser);
    }
}
