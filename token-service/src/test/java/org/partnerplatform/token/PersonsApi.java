package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Persons as a browser and a web client (the portal) meet token-service: invitations, the sign-in page, the code grant. */
public final class PersonsApi {
    public static final String PORTAL = "partner-portal";
    public static final String PORTAL_SECRET = "dev-only-partner-portal-secret-change-me";
    public static final String CALLBACK = "https://portal.test/oidc/callback";
    public static final String PASSWORD = "correct horse battery staple";

    /** What a web client keeps between sending the person to sign in and redeeming the code. */
    public record Pkce(String verifier, String challenge, String state, String nonce) {
        public static Pkce fresh() {
            String verifier = (UUID.randomUUID() + "-" + UUID.randomUUID()).replace("-", "");
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest), "st-" + UUID.randomUUID(),
                        "n-" + UUID.randomUUID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private PersonsApi() {
    }

    public static Response invite(String token, long organisationId, String email, String... roles) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", email, "roles", List.of(roles)))
                .post("/v1/organisations/{id}/invitations", organisationId);
    }

    /** The path of an invitation's link, which holds its one-time token. */
    public static String invitationPath(Response invited) {
        return URI.create(invited.path("link")).getPath();
    }

    /** Opens the link and submits its form, as a browser does; answers the form's response. */
    public static Response accept(String path, String name, String password, String repeat) {
        Response page = given().get(path);
        page.then().statusCode(200);
        String csrf = page.cookie("op_csrf");
        return given().cookie("op_csrf", csrf).contentType(ContentType.URLENC)
                .formParam("csrf", csrf).formParam("name", name).formParam("password", password).formParam("repeat", repeat)
                .post(path);
    }

    public static Map<String, String> authorizeParameters(Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", PORTAL);
        query.put("redirect_uri", CALLBACK);
        query.put("scope", "openid profile email");
        query.put("state", pkce.state());
        query.put("nonce", pkce.nonce());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        return query;
    }

    /** Opens the sign-in page and posts its form; answers the form's response (a 303 to the client on success). */
    public static Response signIn(Pkce pkce, String email, String password) {
        Response page = given().redirects().follow(false).queryParams(authorizeParameters(pkce)).get("/oauth/authorize");
        page.then().statusCode(200);
        String csrf = page.cookie("op_csrf");
        return given().redirects().follow(false).cookie("op_csrf", csrf).contentType(ContentType.URLENC)
                .formParams(authorizeParameters(pkce)).formParam("csrf", csrf).formParam("email", email).formParam("password", password)
                .post("/oauth/authorize");
    }

    /** A query parameter of a redirect's Location. */
    public static String parameter(Response redirect, String name) {
        String query = URI.create(redirect.header("Location")).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public static Response redeem(String code, String verifier) {
        return given().auth().preemptive().basic(PORTAL, PORTAL_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("code", code).formParam("redirect_uri", CALLBACK)
                .formParam("code_verifier", verifier).post("/oauth/token");
    }

    /** The whole walk: invitation accepted, signed in, code redeemed; answers the token response. */
    public static Response signedIn(String adminToken, long organisationId, String email, String... roles) {
        accept(invitationPath(invite(adminToken, organisationId, email, roles).then().statusCode(201).extract().response()), "Kari Nordmann",
                PASSWORD, PASSWORD).then().statusCode(200);
        Pkce pkce = Pkce.fresh();
        Response signedIn = signIn(pkce, email, PASSWORD);
        signedIn.then().statusCode(303);
        assertThat(parameter(signedIn, "state")).isEqualTo(pkce.state());
        return redeem(parameter(signedIn, "code"), pkce.verifier());
    }
}
