package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

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

    /** The TOTP secrets of the persons these tests enrolled, by e-mail address. */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

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

    /** Opens the link and submits its form, as a browser does, with the code the page's secret gives now. */
    public static Response accept(String path, String name, String password, String repeat) {
        Response page = given().get(path);
        page.then().statusCode(200);
        String html = page.asString();
        String email = element(html, "invited-email");
        String secret = element(html, "totp-secret");
        SECRETS.put(email, secret);
        return accept(path, page.cookie("op_csrf"), name, password, repeat, code(secret, 0));
    }

    public static Response accept(String path, String csrf, String name, String password, String repeat, String code) {
        return given().cookie("op_csrf", csrf).contentType(ContentType.URLENC)
                .formParam("csrf", csrf).formParam("name", name).formParam("password", password).formParam("repeat", repeat)
                .formParam("code", code).post(path);
    }

    /** The text of the element with this id. */
    public static String element(String html, String id) {
        int start = html.indexOf('>', html.indexOf("id=\"" + id + "\"")) + 1;
        return html.substring(start, html.indexOf('<', start));
    }

    /**
     * The code an authenticator app with this Base32 secret shows, {@code stepsAhead} 30-second steps from now: the
     * server accepts the step after the current one too, and each step once, so a test signing in right after the
     * enrolment uses the next step's code rather than waiting for it.
     */
    public static String code(String base32Secret, int stepsAhead) {
        try {
            TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
            return totp.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(base32Secret), totp.getAlgorithm()),
                    Instant.now().plusSeconds(30L * stepsAhead));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code of the next step for a person enrolled through {@link #accept}; 000000 for anyone else. */
    public static String nextCode(String email) {
        String secret = SECRETS.get(email);
        return secret == null ? "000000" : code(secret, 1);
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

    /** Signs in with the next step's code of the person's app. */
    public static Response signIn(Pkce pkce, String email, String password) {
        return signIn(pkce, email, password, nextCode(email));
    }

    /** Opens the sign-in page and posts its form; answers the form's response (a 303 to the client on success). */
    public static Response signIn(Pkce pkce, String email, String password, String code) {
        Response page = given().redirects().follow(false).queryParams(authorizeParameters(pkce)).get("/oauth/authorize");
        page.then().statusCode(200);
        String csrf = page.cookie("op_csrf");
        return given().redirects().follow(false).cookie("op_csrf", csrf).contentType(ContentType.URLENC)
                .formParams(authorizeParameters(pkce)).formParam("csrf", csrf).formParam("email", email).formParam("password", password)
                .formParam("code", code).post("/oauth/authorize");
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

    /** The claims of an ID token for the portal, verified against the JWKS. */
    public static JwtClaims idToken(String token) throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256")
                .setExpectedIssuer(TokenServiceApi.STAGING_ISSUER)
                .setExpectedAudience(PersonsApi.PORTAL)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .build().processToClaims(token);
    }
}
