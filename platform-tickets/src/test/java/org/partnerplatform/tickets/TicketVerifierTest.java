package org.partnerplatform.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.partnerplatform.tickets.Verdict.Reason;

class TicketVerifierTest {
    static final String ISSUER = "https://sales.staging.partnerplatform.local/";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final EllipticCurveJsonWebKey key = generate("k1");
    final EllipticCurveJsonWebKey foreign = generate("k1"); // same kid, other key: a forger's
    final TicketClaims claims = new TicketClaims("01a2323c-77f8-7a71-ba84-5aedfb5ce542", "01a2323c-7772-74a5-9b6d-68d3868f9882", "VYG",
            "VYG:SalesPackage:Oslo-Bergen", "ADULT", NOW.minusSeconds(600), NOW.plus(Duration.ofMinutes(80)), ISSUER, NOW.minusSeconds(600));

    static EllipticCurveJsonWebKey generate(String kid) {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(kid);
            return jwk;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TicketVerifier verifier(Set<String> disabled, EllipticCurveJsonWebKey... published) {
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        for (EllipticCurveJsonWebKey k : published) {
            keys.put(k.getKeyId(), k.getECPublicKey());
        }
        return new TicketVerifier(TicketVerifier.keys(TicketJwks.of(keys)), ISSUER, disabled, TicketVerifier.DEFAULT_CLOCK_SKEW);
    }

    String signed(TicketClaims c) {
        return TicketSigner.sign(c, key.getKeyId(), key.getPrivateKey());
    }

    Verdict check(String ticket) {
        return verifier(Set.of(), key).verify(ticket, NOW, Optional.of("VYG"));
    }

    @Test
    void aFreshTicketVerifiesAndIsSmallEnoughForAQrCode() {
        String ticket = signed(claims);
        Verdict verdict = check(ticket);
        assertThat(verdict.reason()).isEqualTo(Reason.VALID);
        assertThat(verdict.claims()).contains(claims);
        assertThat(ticket.length()).isLessThanOrEqualTo(600);
    }

    @Test
    void anEditedClaimBreaksTheSignature() {
        String[] parts = signed(claims).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"ADULT\"", "\"CHILD\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(check(edited).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aTicketSignedWithAForeignKeyUnderAKnownKidOrAnUnknownKidIsRefused() {
        assertThat(check(TicketSigner.sign(claims, "k1", foreign.getPrivateKey())).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(check(TicketSigner.sign(claims, "k-unknown", foreign.getPrivateKey())).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void algNoneAndOtherAlgorithmsAreRefused() throws Exception {
        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims.toJwt().toJson());
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setKeyIdHeaderValue("k1");
        none.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertThat(check(none.getCompactSerialization()).reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);

        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims.toJwt().toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKeyIdHeaderValue("k1");
        hmac.setKey(new org.jose4j.keys.HmacKey(new byte[32]));
        assertThat(check(hmac.getCompactSerialization()).reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(check("not a ticket").reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void theValidityWindowHoldsWithOneMinuteOfClockSkew() {
        TicketVerifier verifier = verifier(Set.of(), key);
        String ticket = signed(claims);
        assertThat(verifier.verify(ticket, claims.validFrom().minusSeconds(61), Optional.empty()).reason()).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(verifier.verify(ticket, claims.validFrom().minusSeconds(59), Optional.empty()).reason()).isEqualTo(Reason.VALID);
        assertThat(verifier.verify(ticket, claims.validTo().plusSeconds(59), Optional.empty()).reason()).isEqualTo(Reason.VALID);
        assertThat(verifier.verify(ticket, claims.validTo().plusSeconds(60), Optional.empty()).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void anotherOperatorsTicketAnotherIssuerAndADisabledTicketAreRefused() {
        String ticket = signed(claims);
        assertThat(verifier(Set.of(), key).verify(ticket, NOW, Optional.of("RUT")).reason()).isEqualTo(Reason.OTHER_OPERATOR);
        TicketClaims elsewhere = new TicketClaims(claims.ticketId(), claims.orderId(), "VYG", claims.productId(), "ADULT", claims.validFrom(),
                claims.validTo(), "https://sales.example.com/", claims.issuedAt());
        assertThat(check(signed(elsewhere)).reason()).isEqualTo(Reason.WRONG_ISSUER);
        Verdict disabled = verifier(Set.of(claims.ticketId()), key).verify(ticket, NOW, Optional.of("VYG"));
        assertThat(disabled.reason()).isEqualTo(Reason.DISABLED);
        assertThat(disabled.claims()).contains(claims);
    }

    @Test
    void afterARotationTicketsOfBothKeysVerifyWhileBothArePublished() {
        EllipticCurveJsonWebKey next = generate("k2");
        String old = signed(claims);
        String fresh = TicketSigner.sign(claims, "k2", next.getPrivateKey());
        TicketVerifier both = verifier(Set.of(), next, key);
        assertThat(both.verify(old, NOW, Optional.empty()).reason()).isEqualTo(Reason.VALID);
        assertThat(both.verify(fresh, NOW, Optional.empty()).reason()).isEqualTo(Reason.VALID);
        assertThat(verifier(Set.of(), next).verify(old, NOW, Optional.empty()).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }
}
