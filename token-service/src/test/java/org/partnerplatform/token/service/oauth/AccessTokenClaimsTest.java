package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;

class AccessTokenClaimsTest {
    static final String CLAIM = "https://entur.io/organisationID";

    @Test
    void carriesEveryClaimResourceServersRead() throws Exception {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        JwtClaims claims = new AccessTokenClaims("https://partner.staging.example/", "https://api.staging.example", CLAIM, Duration.ofHours(24))
                .of("client-1", 42, List.of("KLIENTADMINISTRATOR", "PARTNER"), now, "jti-1");

        assertThat(claims.getIssuer()).isEqualTo("https://partner.staging.example/");
        assertThat(claims.getSubject()).isEqualTo("client-1");
        assertThat(claims.getAudience()).containsExactly("https://api.staging.example");
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(now.getEpochSecond());
        assertThat(claims.getNotBefore().getValue()).isEqualTo(now.getEpochSecond());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(now.getEpochSecond() + 86_400);
        assertThat(claims.getJwtId()).isEqualTo("jti-1");
        assertThat(claims.getStringClaimValue("client_id")).isEqualTo("client-1");
        assertThat(claims.getStringClaimValue("azp")).isEqualTo("client-1");
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("KLIENTADMINISTRATOR", "PARTNER");
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("KLIENTADMINISTRATOR PARTNER");

        Map<?, ?> json = EventJson.mapper().readValue(claims.toJson(), Map.class);
        assertThat(json.get(CLAIM)).isEqualTo(42);
        assertThat(json.get("aud")).isEqualTo("https://api.staging.example");
    }

    @Test
    void theOrganisationClaimNameIsConfigurable() {
        JwtClaims claims = new AccessTokenClaims("i", "a", "org", Duration.ofMinutes(5)).of("c", 7, List.of("PARTNER"), Instant.now(), "j");
        assertThat(claims.getClaimValue("org")).isEqualTo(7L);
        assertThat(claims.hasClaim(CLAIM)).isFalse();
    }

    @Test
    void theJsonWrittenForSigningHoldsExactlyTheSameClaims() throws Exception {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        // Configured values with characters JSON must escape, to show the writer escapes them.
        AccessTokenClaims definition = new AccessTokenClaims("https://partner.example/\"quoted\"\\", "https://api.example\n", CLAIM,
                Duration.ofHours(24));
        String json = definition.json("client-1", 42, List.of("KLIENTADMINISTRATOR", "PARTNER"), now, "jti-1");
        JwtClaims reference = definition.of("client-1", 42, List.of("KLIENTADMINISTRATOR", "PARTNER"), now, "jti-1");

        Map<?, ?> written = EventJson.mapper().readValue(json, Map.class);
        Map<?, ?> expected = EventJson.mapper().readValue(reference.toJson(), Map.class);
        assertThat(written).isEqualTo(expected);
        assertThat(JwtClaims.parse(json).getIssuer()).isEqualTo("https://partner.example/\"quoted\"\\");
        assertThat(written.keySet().stream().map(String::valueOf).toList()).containsExactly("iss", "sub", "aud", "iat", "nbf", "exp", "jti", "client_id",
                "azp", "roles", "scope", CLAIM);
    }
}
