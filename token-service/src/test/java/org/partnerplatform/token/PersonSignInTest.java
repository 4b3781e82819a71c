package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.partnerplatform.token.PersonsApi.CALLBACK;
import static org.partnerplatform.token.PersonsApi.PASSWORD;
import static org.partnerplatform.token.PersonsApi.parameter;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.PersonsApi.Pkce;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Persons: a platform admin invites an organisation's first administrator, who sets a password through the one-time
 * link, signs in for the portal (code flow with PKCE) and manages the organisation's clients and persons with the
 * token the portal redeems; what must be refused is refused.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class PersonSignInTest {
    static String admin;

    @BeforeEach
    void adminToken() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
        }
    }

    static String email() {
        return "kari-" + UUID.randomUUID() + "@partner.example";
    }

    @Test
    void anInvitedAdministratorSetsAPasswordSignsInAndManagesTheOrganisationsClients() throws Exception {
        long partner = TokenServiceApi.createPartner(admin, "Reiseselskapet AS");
        String email = email();
        Response invited = PersonsApi.invite(admin, partner, email.toUpperCase(), "KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR");
        invited.then().statusCode(201).header("Cache-Control", "no-store")
                .body("email", equalTo(email)).body("roles", equalTo(List.of("KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR")))
                .body("invitedBy", equalTo(TokenServiceApi.ADMIN_ID))
                // Under the issuer (the public partner host), not under the address the request came to.
                .body("link", startsWith(TokenServiceApi.STAGING_ISSUER + "invitations/"));
        String link = PersonsApi.invitationPath(invited);

        // The page: for the invited address, with a CSRF cookie, under a strict policy.
        Response page = given().get(link);
        page.then().statusCode(200).contentType(startsWith("text/html")).body(containsString(email))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer")).header("Cache-Control", "no-store");
        assertThat(page.detailedCookie("op_csrf").isHttpOnly()).isTrue();
        assertThat(page.detailedCookie("op_csrf").getSameSite()).isEqualTo("Strict");
        // Without the CSRF token, with a weak password, with two different ones: refused, and nobody is created.
        given().contentType(ContentType.URLENC).formParam("name", "Kari").formParam("password", PASSWORD).formParam("repeat", PASSWORD)
                .post(link).then().statusCode(403);
        PersonsApi.accept(link, "Kari Nordmann", "short", "short").then().statusCode(422).body(containsString("at least 12 characters"));
        PersonsApi.accept(link, "Kari Nordmann", PASSWORD, PASSWORD + "!").then().statusCode(422).body(containsString("differ"));
        // The page shows the second factor to enrol: a QR code of the otpauth URI and its key; a wrong code enrols nothing.
        Response enrol = given().get(link);
        enrol.then().statusCode(200).body(containsString("<svg")).body(containsString("id=\"totp-secret\""));
        String secret = PersonsApi.element(enrol.asString(), "totp-secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        given().get(link).then().body(containsString(secret));
        given().header("Accept-Language", "nb").get(link).then().body(containsString("Velkommen")).body(containsString("Din andre faktor"));
        String wrongCode = wrongCode(secret);
        PersonsApi.accept(link, enrol.cookie("op_csrf"), "Kari Nordmann", PASSWORD, PASSWORD, wrongCode).then().statusCode(422)
                .body(containsString("authenticator app is wrong"));
        PersonsApi.accept(link, "Kari Nordmann", PASSWORD, PASSWORD).then().statusCode(200).body(containsString(email));
        // One time only (in the browser's language).
        given().get(link).then().statusCode(410);
        given().header("Accept-Language", "nb").get(link).then().statusCode(410).body(containsString("Denne invitasjonen er brukt"));

        // The right password with a wrong code is as wrong as a wrong password.
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD, wrongCode).then().statusCode(401);
        Pkce pkce = Pkce.fresh();
        String totp = PersonsApi.nextCode(email);
        Response signedIn = PersonsApi.signIn(pkce, email, PASSWORD, totp);
        signedIn.then().statusCode(303).header("Location", startsWith(CALLBACK + "?code="));
        // A code is accepted once: seen over a shoulder, it is no use.
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD, totp).then().statusCode(401);
        assertThat(parameter(signedIn, "state")).isEqualTo(pkce.state());
        assertThat(parameter(signedIn, "iss")).isEqualTo(TokenServiceApi.STAGING_ISSUER);
        String code = parameter(signedIn, "code");

        // PKCE: the wrong verifier, another redirect URI or another client's credentials get nothing.
        PersonsApi.redeem(code, Pkce.fresh().verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().preemptive().basic(PersonsApi.PORTAL, "wrong-secret").contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("code", code).formParam("redirect_uri", CALLBACK)
                .formParam("code_verifier", pkce.verifier()).post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        JsonPath tokens = PersonsApi.redeem(code, pkce.verifier()).then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900)).extract().jsonPath();
        // A code is used once.
        PersonsApi.redeem(code, pkce.verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));

        org.jose4j.jwt.JwtClaims id = PersonsApi.idToken(tokens.getString("id_token"));
        assertThat(id.getIssuer()).isEqualTo(TokenServiceApi.STAGING_ISSUER);
        assertThat(id.getAudience()).containsExactly(PersonsApi.PORTAL);
        assertThat(id.getStringClaimValue("nonce")).isEqualTo(pkce.nonce());
        assertThat(id.getStringClaimValue("email")).isEqualTo(email);
        assertThat(id.getStringClaimValue("name")).isEqualTo("Kari Nordmann");
        assertThat(((Number) id.getClaimValue(TokenServiceApi.ORGANISATION_CLAIM)).longValue()).isEqualTo(partner);
        String personId = id.getSubject();

        // The access token: the person as subject, the portal as client, the organisation and the roles.
        String access = tokens.getString("access_token");
        AccessTokens.Verified verified = AccessTokens.verify(access, TokenServiceApi.STAGING_AUDIENCE);
        assertThat(verified.claims().getSubject()).isEqualTo(personId);
        assertThat(verified.claims().getStringClaimValue("client_id")).isEqualTo(PersonsApi.PORTAL);
        assertThat(verified.claims().getStringListClaimValue("roles")).containsExactly("KLIENTADMINISTRATOR", "BRUKERADMINISTRATOR");
        assertThat(((Number) verified.payload().get(TokenServiceApi.ORGANISATION_CLAIM)).longValue()).isEqualTo(partner);

        // With it the person manages the organisation's clients and persons, and sees no other organisation.
        TokenServiceApi.Credentials web = TokenServiceApi.createClient(access, partner, "reiseselskapet-web", "PARTNER");
        given().auth().oauth2(access).get("/v1/organisations/{id}/clients", partner).then().statusCode(200)
                .body("name", equalTo(List.of("reiseselskapet-web")));
        given().auth().oauth2(access).get("/v1/organisations/{id}/persons", partner).then().statusCode(200)
                .body("email", equalTo(List.of(email))).body("[0].personId", equalTo(personId)).body("[0].passwordHash", nullValue());
        long other = TokenServiceApi.createPartner(admin, "Andre AS");
        given().auth().oauth2(access).get("/v1/organisations/{id}/clients", other).then().statusCode(404);
        PersonsApi.invite(access, other, email(), "SALES_READER").then().statusCode(404);
        // A user administrator cannot hand out platform-wide roles, nor clients' roles to persons.
        PersonsApi.invite(access, partner, email(), "PLATFORM_ADMIN").then().statusCode(403);
        PersonsApi.invite(access, partner, email(), "PARTNER").then().statusCode(400).body("type", endsWith("/role-not-allowed"));
        // Nor do clients get persons' roles.
        TokenServiceApi.postClient(admin, partner, "reiseselskapet-admin", "BRUKERADMINISTRATOR").then().statusCode(400)
                .body("type", endsWith("/role-not-allowed"));
        // The same address cannot be invited twice while its person exists.
        PersonsApi.invite(admin, partner, email, "SALES_READER").then().statusCode(409).body("type", endsWith("/person-exists"));

        // The audit log: who did what, newest first, the person named as person:<id>, no secret anywhere.
        String actor = "person:" + personId;
        JsonPath audit = given().auth().oauth2(access).get("/v1/organisations/{id}/audit", partner).then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action")).containsSubsequence("CLIENT_CREATED", "PERSON_SIGNED_IN", "PERSON_SIGN_IN_FAILED",
                "INVITATION_ACCEPTED", "INVITATION_CREATED");
        assertThat(audit.getList("items.actor")).contains(actor, TokenServiceApi.ADMIN_ID);
        assertThat(audit.getString("items.find { it.action == 'CLIENT_CREATED' }.actor")).isEqualTo(actor);
        assertThat(audit.getString("items.find { it.action == 'CLIENT_CREATED' }.subject")).isEqualTo(web.clientId());
        assertThat(audit.prettify()).doesNotContain(web.secret()).doesNotContain(PASSWORD).doesNotContain(totp);
        JsonPath first = given().auth().oauth2(access).queryParam("limit", 2).get("/v1/organisations/{id}/audit", partner).then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        String next = first.getString("next");
        JsonPath second = given().auth().oauth2(access).get(java.net.URI.create(next).getPath() + "?" + java.net.URI.create(next).getRawQuery())
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).isEqualTo(audit.getList("items.id").subList(2, Math.min(4, audit.getList("items").size())));
        given().auth().oauth2(access).get("/v1/organisations/{id}/audit", other).then().statusCode(404);

        // Nobody changes their own roles. A colleague demoted a moment ago, whose token still says BRUKERADMINISTRATOR,
        // manages nothing more: token-service counts the roles a person holds now (the last user administrator's
        // rule for changes at the same moment: PersonPoliciesTest). A platform admin may remove them (below).
        given().auth().oauth2(access).contentType("application/json").body(Map.of("roles", List.of("KLIENTADMINISTRATOR")))
                .put("/v1/organisations/{id}/persons/{p}/roles", partner, personId).then().statusCode(409)
                .body("type", endsWith("/own-person"));
        String colleagueEmail = email();
        String colleague = PersonsApi.signedIn(admin, partner, colleagueEmail, "BRUKERADMINISTRATOR").then().statusCode(200).extract()
                .path("access_token");
        String colleagueId = given().auth().oauth2(access).get("/v1/organisations/{id}/persons", partner).then().statusCode(200).extract()
                .path("find { it.email == '" + colleagueEmail + "' }.personId");
        given().auth().oauth2(access).contentType("application/json").body(Map.of("roles", List.of("SALES_READER")))
                .put("/v1/organisations/{id}/persons/{p}/roles", partner, colleagueId).then().statusCode(200);
        given().auth().oauth2(colleague).contentType("application/json").body(Map.of("roles", List.of("KLIENTADMINISTRATOR")))
                .put("/v1/organisations/{id}/persons/{p}/roles", partner, personId).then().statusCode(403);

        // Removed, the person's token is refused at once and they cannot sign in again.
        given().auth().oauth2(admin).delete("/v1/organisations/{id}/persons/{p}", partner, personId).then().statusCode(204);
        given().auth().oauth2(access).get("/v1/organisations/{id}/clients", partner).then().statusCode(401);
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD).then().statusCode(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressLookAlikeAndRepeatedFailuresAreSlowedDown() {
        long partner = TokenServiceApi.createPartner(admin, "Gjett AS");
        String email = email();
        PersonsApi.accept(PersonsApi.invitationPath(PersonsApi.invite(admin, partner, email, "SALES_READER").then().statusCode(201)
                .extract().response()), "Ola", PASSWORD, PASSWORD).then().statusCode(200);

        Response wrongAnswer = PersonsApi.signIn(Pkce.fresh(), email, "not the password at all");
        Response unknownAnswer = PersonsApi.signIn(Pkce.fresh(), email(), PASSWORD);
        String wrong = message(wrongAnswer.then().statusCode(401).extract().asString());
        String unknown = message(unknownAnswer.then().statusCode(401).extract().asString());
        assertThat(unknown).isEqualTo(wrong).isEqualTo("The e-mail address, the password or the code is wrong.");
        // Every failure takes at least half a second, whatever a known address costs more.
        assertThat(wrongAnswer.time()).isGreaterThanOrEqualTo(500);
        assertThat(unknownAnswer.time()).isGreaterThanOrEqualTo(500);
        // The test profile's throttle: three free failures; the fourth starts a delay that even the right password waits out.
        PersonsApi.signIn(Pkce.fresh(), email, "not the password either").then().statusCode(401);
        PersonsApi.signIn(Pkce.fresh(), email, "still not the password").then().statusCode(401);
        PersonsApi.signIn(Pkce.fresh(), email, "one more wrong guess").then().statusCode(401);
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD).then().statusCode(429).header("Retry-After", not(nullValue()));
        // An unknown address is slowed down alike: a 429 that came only for known ones would tell which exist.
        String nobody = email();
        for (int i = 0; i < 4; i++) {
            PersonsApi.signIn(Pkce.fresh(), nobody, PASSWORD).then().statusCode(401);
        }
        PersonsApi.signIn(Pkce.fresh(), nobody, PASSWORD).then().statusCode(429).header("Retry-After", not(nullValue()));
    }

    @Test
    void wrongCodesAfterTheRightPasswordLockTheSecondFactor() {
        long partner = TokenServiceApi.createPartner(admin, "Låst AS");
        String email = email();
        PersonsApi.accept(PersonsApi.invitationPath(PersonsApi.invite(admin, partner, email, "SALES_READER").then().statusCode(201)
                .extract().response()), "Lise", PASSWORD, PASSWORD).then().statusCode(200);
        // The test profile locks at three (ten by default): then even the right code is refused.
        for (int i = 0; i < 3; i++) {
            PersonsApi.signIn(Pkce.fresh(), email, PASSWORD, "000000".equals(PersonsApi.nextCode(email)) ? "111111" : "000000")
                    .then().statusCode(401);
        }
        PersonsApi.signIn(Pkce.fresh(), email, PASSWORD).then().statusCode(401);
        assertThat(given().auth().oauth2(admin).get("/v1/organisations/{id}/audit", partner).then().statusCode(200).extract()
                .jsonPath().getList("items.details", String.class)).anyMatch(d -> d.contains("locked"));
    }

    @Test
    void anInviterLearnsNothingAboutAnotherOrganisationsPersons() {
        long first = TokenServiceApi.createPartner(admin, "Første AS");
        String taken = email();
        PersonsApi.accept(PersonsApi.invitationPath(PersonsApi.invite(admin, first, taken, "SALES_READER").then().statusCode(201)
                .extract().response()), "Per", PASSWORD, PASSWORD).then().statusCode(200);
        long second = TokenServiceApi.createPartner(admin, "Andre AS");
        String userAdmin = PersonsApi.signedIn(admin, second, email(), "BRUKERADMINISTRATOR").then().statusCode(200).extract().path("access_token");
        // Answered as any invitation; the invited person is told when they try to accept it.
        Response invited = PersonsApi.invite(userAdmin, second, taken, "SALES_READER");
        invited.then().statusCode(201);
        PersonsApi.accept(PersonsApi.invitationPath(invited), "Per", PASSWORD, PASSWORD).then().statusCode(422)
                .body(containsString("already signs in"));
    }

    @Test
    void requestsThatAClientDidNotMakeOrMadeCarelesslyAreRefused() {
        Map<String, String> good = PersonsApi.authorizeParameters(Pkce.fresh());
        // An unknown client or an unregistered redirect URI: an error page, sent nowhere.
        for (Map.Entry<String, String> bad : List.of(Map.entry("client_id", "someone-else"), Map.entry("redirect_uri", "https://evil.example/cb"))) {
            Map<String, String> query = new java.util.LinkedHashMap<>(good);
            query.put(bad.getKey(), bad.getValue());
            given().redirects().follow(false).queryParams(query).get("/oauth/authorize").then().statusCode(400)
                    .header("Location", nullValue()).contentType(startsWith("text/html"));
        }
        // No PKCE, a plain challenge, no openid scope, another response type: back to the client as errors, with its state.
        for (Map.Entry<String, String> bad : List.of(Map.entry("code_challenge", ""), Map.entry("code_challenge_method", "plain"),
                Map.entry("scope", "profile"), Map.entry("response_type", "token"))) {
            Map<String, String> query = new java.util.LinkedHashMap<>(good);
            query.put(bad.getKey(), bad.getValue());
            Response refused = given().redirects().follow(false).queryParams(query).get("/oauth/authorize");
            refused.then().statusCode(303).header("Location", startsWith(CALLBACK + "?error="));
            assertThat(parameter(refused, "state")).isEqualTo(good.get("state"));
        }
        // In Norwegian for a browser that asks for it, unless the client's ui_locales says otherwise.
        given().header("Accept-Language", "nb-NO,nb;q=0.9,en;q=0.5").queryParams(good).get("/oauth/authorize").then().statusCode(200)
                .body(containsString("<html lang=\"nb\">")).body(containsString("Logg inn")).body(containsString("Kode fra autentiseringsappen"));
        Map<String, String> english = new java.util.LinkedHashMap<>(good);
        english.put("ui_locales", "en-GB nb");
        given().header("Accept-Language", "nb").queryParams(english).get("/oauth/authorize").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("Code from your authenticator app"));
        given().header("Accept-Language", "nb").get("/oauth/logout").then().statusCode(200).body(containsString("Du er logget ut"));

        // A sign-in form posted without its CSRF token.
        given().redirects().follow(false).contentType(ContentType.URLENC).formParams(good).formParam("email", email())
                .formParam("password", PASSWORD).post("/oauth/authorize").then().statusCode(403);
        // Sign-out returns only to a registered address.
        given().redirects().follow(false).queryParam("post_logout_redirect_uri", "https://portal.test/").queryParam("state", "s1")
                .get("/oauth/logout").then().statusCode(303).header("Location", equalTo("https://portal.test/?state=s1"));
        given().redirects().follow(false).queryParam("post_logout_redirect_uri", "https://evil.example/").get("/oauth/logout")
                .then().statusCode(200).header("Location", nullValue());
    }

    /** A code that no step near now gives. */
    private static String wrongCode(String secret) {
        List<String> near = List.of(PersonsApi.code(secret, -1), PersonsApi.code(secret, 0), PersonsApi.code(secret, 1), PersonsApi.code(secret, 2));
        return List.of("123456", "654321", "111111").stream().filter(c -> !near.contains(c)).findFirst().orElseThrow();
    }

    private static String message(String html) {
        int start = html.indexOf("id=\"message\">") + "id=\"message\">".length();
        return html.substring(start, html.indexOf("</p>", start));
    }
}
