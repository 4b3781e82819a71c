package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.partnerplatform.devinfra.Platform.Service;

import io.restassured.path.json.JsonPath;

/**
 * A platform admin's work in the portal, in a real browser: register a partner, certify it (refused without
 * evidence), suspend and reinstate it, write it an agreement, activate it and make it ready in STAGING; the APIs show
 * each change, recorded as the person's.
 */
class PortalAdminBrowserIT {
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
    void aPlatformAdminRegistersCertifiesSuspendsAndReinstatesAPartnerAndMakesItsAgreementReady() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long operator = PartnerPlatformApi.registerOrganisation(admin, "Adminbuss AS " + suffix, "OPERATOR", null);
        String email = "ada-" + suffix + "@platform.example";
        String secret = PortalPersons.invited(browser, admin, 1, email, "PLATFORM_ADMIN");
        PortalPersons.signIn(browser, portal, email, secret, () -> { });

        browser.follow("nav-admin-organisations");
        String name = "Adminreiser AS " + suffix;
        browser.type("name", name);
        browser.follow("register-organisation");
        long partner = Long.parseLong(organisation(name).getDomAttribute("data-organisation-id"));
        assertThat(cell(organisation(name), "status")).isEqualTo("ACTIVE");

        // CERTIFIED needs evidence: refused and said; with it, set.
        new Select(organisation(name).findElement(By.className("certification-choice"))).selectByValue("CERTIFIED");
        browser.follow(organisation(name).findElement(By.className("set-certification")));
        assertThat(browser.text("message")).isNotBlank();
        assertThat(organisationApi(partner).getString("certification")).isEqualTo("NOT_CERTIFIED");
        new Select(organisation(name).findElement(By.className("certification-choice"))).selectByValue("CERTIFIED");
        organisation(name).findElement(By.className("evidence")).sendKeys("CERT-" + suffix);
        browser.follow(organisation(name).findElement(By.className("set-certification")));
        assertThat(cell(organisation(name), "certification")).isEqualTo("CERTIFIED");

        // Suspended with a reason, then reinstated.
        organisation(name).findElement(By.className("reason")).sendKeys("unpaid invoices");
        browser.follow(organisation(name).findElement(By.className("suspend")));
        assertThat(cell(organisation(name), "status")).isEqualTo("SUSPENDED");
        assertThat(organisationApi(partner).getString("status")).isEqualTo("SUSPENDED");
        browser.screenshot(repository, "admin-organisations");
        browser.follow(organisation(name).findElement(By.className("reinstate")));
        assertThat(cell(organisation(name), "status")).isEqualTo("ACTIVE");
        JsonPath registered = organisationApi(partner);
        assertThat(registered.getString("status")).isEqualTo("ACTIVE");
        assertThat(registered.getString("certification")).isEqualTo("CERTIFIED");

        // The partner's first administrator, invited from its row: the link is shown once, and opens their invitation.
        String first = "forste-" + suffix + "@adminreiser.example";
        organisation(name).findElement(By.className("administrator-email")).sendKeys(first);
        browser.follow(organisation(name).findElement(By.className("invite-administrator")));
        String link = browser.text("invitation-link");
        assertThat(link).startsWith(RunningPlatform.url(Service.TOKEN) + "/invitations/");
        browser.driver.navigate().refresh();
        assertThat(browser.text("invitation-gone")).contains("shown once");
        browser.open(link);
        assertThat(browser.text("invited-email")).isEqualTo(first);
        assertThat(given().auth().oauth2(admin).get(RunningPlatform.url(Service.TOKEN) + "/v1/organisations/{id}/audit", partner).then()
                .statusCode(200).extract().jsonPath().getString("items.find { it.action == 'INVITATION_CREATED' }.details"))
                .isEqualTo(first + " with KLIENTADMINISTRATOR BRUKERADMINISTRATOR");
        browser.open(portal + "/admin/organisations");

        // An agreement on all of the operator's products: a draft, activated, made ready in STAGING.
        browser.follow(organisation(name).findElement(By.className("agreements")));
        browser.type("operatorOrganisationId", Long.toString(operator));
        browser.click("right-REFUND");
        browser.follow("create-agreement");
        WebElement row = browser.element("agreements").findElement(By.cssSelector("tr.agreement"));
        String agreementId = row.getDomAttribute("data-agreement-id");
        assertThat(cell(row, "status")).isEqualTo("DRAFT");
        browser.follow(row.findElement(By.className("activate")));
        browser.follow(browser.element("agreements").findElement(By.cssSelector("tr.agreement .ready-STAGING")));
        row = browser.element("agreements").findElement(By.cssSelector("tr.agreement"));
        assertThat(cell(row, "status")).isEqualTo("ACTIVE");
        assertThat(cell(row, "ready-in")).isEqualTo("STAGING");
        browser.screenshot(repository, "admin-agreements");
        JsonPath agreement = given().auth().oauth2(admin).get(RunningPlatform.url(Service.CATALOG) + "/v1/admin/agreements/{id}", agreementId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(agreement.getString("status")).isEqualTo("ACTIVE");
        assertThat(agreement.getList("readyEnvironments")).containsExactly("STAGING");
        assertThat(agreement.getList("rights")).containsExactlyInAnyOrder("SELL", "REFUND");
        assertThat(agreement.getBoolean("allProducts")).isTrue();
        assertThat(given().auth().oauth2(admin).get(RunningPlatform.url(Service.CATALOG) + "/v1/admin/agreements/{id}/history", agreementId)
                .then().statusCode(200).extract().jsonPath().getList("actor", String.class)).isNotEmpty().allMatch(a -> a.startsWith("person:"));
    }

    private static JsonPath organisationApi(long id) {
        return given().auth().oauth2(admin).get(RunningPlatform.url(Service.TOKEN) + "/v1/organisations/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static WebElement organisation(String name) {
        return browser.driver.findElements(By.cssSelector("tr.organisation")).stream().filter(r -> cell(r, "name").equals(name)).findFirst()
                .orElseGet(() -> {
                    // The list is in id order, fifty a page: a new organisation may be on a later page.
                    while (browser.present("next")) {
                        browser.follow("next");
                        var found = browser.driver.findElements(By.cssSelector("tr.organisation")).stream().filter(r -> cell(r, "name").equals(name))
                                .findFirst();
                        if (found.isPresent()) {
                            return found.get();
                        }
                    }
                    throw new AssertionError("no organisation " + name + " listed");
                });
    }

    private static String cell(WebElement row, String className) {
        return row.findElement(By.className(className)).getText();
    }
}
