package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.partnerplatform.token.PersonsApi.PASSWORD;
import static org.partnerplatform.token.PersonsApi.parameter;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.PersonsApi.Pkce;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A person who forgot their password or lost their phone: an administrator resets their sign-in, which stops the
 * old password, second factor and tokens at once, and hands over a one-time link where the same person (roles,
 * name, history) sets a new password and enrols a new second factor. Of an address's links, only the newest opens.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class SignInResetTest {
    private static final String NEW_PASSWORD = "another long and new passphrase";
    static String admin;

    @BeforeEach
    void adminToken() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
        }
    }

    @Test
    void aUserAdministratorResetsAColleaguesLockedSignInAndTheSamePersonSetsANewOne() {
        long partner = TokenServiceApi.createPartner(admin, "Glemsk AS");
        String email = PersonSignInTest.email();
        String token = PersonsApi.signedIn(admin, partner, email, "KLIENTADMINISTRATOR").then().statusCode(200).extract().path("access_token");
        String userAdmin = PersonsApi.signedIn(admin, partner, PersonSignInTest.email(), "BRUKERADMINISTRATOR").then().statusCode(200)
                .extract().path("access_token");
        String personId = personId(userAdmin, partner, email);
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", partner).then().statusCode(200);
        // The test profile locks the second factor at three wrong codes after the right password.
        for (int i = 0; i < 3; i++) {
            PersonsApi.signIn(Pkce.fresh(), email, PASSWORD, "000000".equals(PersonsApi.nextCode(email)) ? "111111" : "000000")
                    .then().statusCode(401);
        }

        Response first = reset(userAdmin, partner, personId);
        first.then().statusCode(201).header("Cache-Control", "no-store").body("resetsPersonId", equalTo(personId))
                .body("email", equalTo(email)).body("link", startsWith(TokenServiceApi.STAGING_ISSUER + "invitations/"));
        // At once: the person's token is refused.
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", partner).then().statusCode(401);
        assertThat(person(userAdmin, partner, personId).get("signInResetAt")).isNotNull();
        // A second reset (the first link went to the wrong person): only the newest link works.
        Response second = reset(userAdmin, partner, personId);
        second.then().statusCode(201);
        given().get(PersonsApi.invitationPath(first)).then().statusCode(410);

        // The page of a reset: no name to choose, the same address, a new second factor.
        String link = PersonsApi.invitationPath(second);
        given().get(link).then().statusCode(200).body(containsString("Set a new password")).body(not(containsString("id=\"name\"")))
                .body(containsString(email));
        PersonsApi.accept(link, "Someone Else", NEW_PASSWORD, NEW_PASSWORD).then().statusCode(200).body(containsString("new password"));
        given().get(link).then().statusCode(410);

        // The same person, with their name and roles; the old password no longer signs in, the new one does (and the lock is gone).
        Map<String, Object> after = person(userAdmin, partner, personId);
        assertThat(after).containsEntry("personId", personId).containsEntry("displayName", "Kari Nordmann")
                .containsEntry("roles", List.of("KLIENTADMINISTRATOR"));
        assertThat(after.get("signInResetAt")).isNull();
        // The fourth attempt after three failures is still free of the throttle's delay; a success forgets the failures.
        Pkce pkce = Pkce.fresh();
        Response signedIn = PersonsApi.signIn(pkce, email, NEW_PASSWORD);
        signedIn.then().statusCode(303);
        String fresh = PersonsApi.redeem(parameter(signedIn, "code"), pkce.verifier()).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(fresh).get("/v1/organisations/{id}/clients", partner).then().statusCode(200);
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD).then().statusCode(401);

        List<String> actions = given().auth().oauth2(userAdmin).get("/v1/organisations/{id}/audit", partner).then().statusCode(200)
                .extract().jsonPath().getList("items.action", String.class);
        assertThat(actions).containsSubsequence("PERSON_SIGNED_IN", "INVITATION_ACCEPTED", "PERSON_SIGN_IN_RESET", "PERSON_SIGN_IN_RESET");
    }

    @Test
    void aResetIsRefusedForOneselfAnotherOrganisationsPersonAndAClientAdministratorAndGrantedToAPlatformAdmin() {
        long partner = TokenServiceApi.createPartner(admin, "Streng AS");
        String email = PersonSignInTest.email();
        String userAdmin = PersonsApi.signedIn(admin, partner, email, "BRUKERADMINISTRATOR").then().statusCode(200).extract().path("access_token");
        String ownId = personId(userAdmin, partner, email);
        reset(userAdmin, partner, ownId).then().statusCode(409).body("type", containsString("own-person"));

        long other = TokenServiceApi.createPartner(admin, "Nabo AS");
        String neighbour = PersonSignInTest.email();
        PersonsApi.signedIn(admin, other, neighbour, "SALES_READER").then().statusCode(200);
        String neighbourId = personId(admin, other, neighbour);
        reset(userAdmin, other, neighbourId).then().statusCode(404);
        reset(userAdmin, partner, neighbourId).then().statusCode(404);
        // A client administrator who is not a user administrator may not reset anyone.
        String clientAdmin = PersonsApi.signedIn(admin, partner, PersonSignInTest.email(), "KLIENTADMINISTRATOR").then().statusCode(200)
                .extract().path("access_token");
        reset(clientAdmin, partner, ownId).then().statusCode(403);
        // A platform admin may, and the person is refused until they follow the link.
        reset(admin, partner, ownId).then().statusCode(201).body("invitedBy", equalTo(TokenServiceApi.ADMIN_ID))
                .body("expiresAt", notNullValue()).body("roles", equalTo(List.of("BRUKERADMINISTRATOR")));
        given().auth().oauth2(userAdmin).get("/v1/organisations/{id}/persons", partner).then().statusCode(401);
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD).then().statusCode(401);
        assertThat(person(admin, partner, ownId).get("signInResetAt")).isNotNull();
        // Nothing happened to the other organisation's person.
        assertThat(person(admin, other, neighbourId)).containsEntry("signInResetAt", null);
        assertThat(given().auth().oauth2(admin).get("/v1/organisations/{id}/audit", partner).then().statusCode(200).extract().jsonPath()
                .getList("items.details", String.class)).anyMatch(d -> d.contains("right password, but the sign-in was reset"));
    }

    @Test
    void onlyAPlatformAdminResetsAPlatformAdmin() {
        String platformAdmin = PersonSignInTest.email();
        PersonsApi.signedIn(admin, 1, platformAdmin, "PLATFORM_ADMIN").then().statusCode(200);
        String adminId = personId(admin, 1, platformAdmin);
        String userAdmin = PersonsApi.signedIn(admin, 1, PersonSignInTest.email(), "BRUKERADMINISTRATOR").then().statusCode(200)
                .extract().path("access_token");
        // The platform organisation's user administrator manages its persons, but not the platform-wide roles' holders.
        reset(userAdmin, 1, adminId).then().statusCode(403);
        assertThat(person(admin, 1, adminId)).containsEntry("signInResetAt", null);
        reset(admin, 1, adminId).then().statusCode(201);
    }

    @Test
    void onlyTheNewestInvitationOfAnAddressOpens() {
        long partner = TokenServiceApi.createPartner(admin, "Ny lenke AS");
        String email = PersonSignInTest.email();
        Response lost = PersonsApi.invite(admin, partner, email, "SALES_READER");
        lost.then().statusCode(201);
        Response again = PersonsApi.invite(admin, partner, email, "SALES_READER");
        again.then().statusCode(201);
        given().get(PersonsApi.invitationPath(lost)).then().statusCode(410);
        PersonsApi.accept(PersonsApi.invitationPath(again), "Nina", PASSWORD, PASSWORD).then().statusCode(200);
    }

    private static Response reset(String token, long organisationId, String personId) {
        return given().auth().oauth2(token).post("/v1/organisations/{id}/persons/{person}/sign-in-reset", organisationId, personId);
    }

    private static String personId(String token, long organisationId, String email) {
        return given().auth().oauth2(token).get("/v1/organisations/{id}/persons", organisationId).then().statusCode(200).extract()
                .path("find { it.email == '" + email + "' }.personId");
    }

    private static Map<String, Object> person(String token, long organisationId, String personId) {
        return given().auth().oauth2(token).get("/v1/organisations/{id}/persons", organisationId).then().statusCode(200)
                .extract().jsonPath().getMap("find { it.personId == '" + personId + "' }");
    }
}
