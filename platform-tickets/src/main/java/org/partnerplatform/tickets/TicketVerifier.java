package org.partnerplatform.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Checks a signed ticket as an inspector must, online or offline: ES256 only; a key id the ticket-keys JWKS holds;
 * the signature; the issuer; the validity window (with {@code clockSkew} either side, as an inspector's device clock
 * drifts); the operator, where one is expected; and the disabled list. The first failed check is the reason.
 */
public final class TicketVerifier {
    /** How far an inspector's clock may be off: a ticket is accepted this long before and after its window. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(1);

    private final JsonWebKeySet keys;
    private final String issuer;
    private final Set<String> disabled;
    private final Duration clockSkew;

    public TicketVerifier(JsonWebKeySet keys, String issuer, Set<String> disabledTicketIds, Duration clockSkew) {
        this.keys = keys;
        this.issuer = issuer;
        this.disabled = Set.copyOf(disabledTicketIds);
        this.clockSkew = clockSkew;
    }

    /** From a JWKS document's JSON (as {@code /.well-known/ticket-keys.json} serves it). */
    public static JsonWebKeySet keys(String jwksJson) {
        try {
            return new JsonWebKeySet(jwksJson);
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JWKS document: " + e.getMessage(), e);
        }
    }

    /** Verifies the ticket at {@code now}; {@code operatorCodespace} empty accepts any operator's ticket. */
    public Verdict verify(String ticket, Instant now, Optional<String> operatorCodespace) {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(ticket == null ? "" : ticket.trim());
        } catch (JoseException e) {
            return Verdict.refused(Verdict.Reason.MALFORMED, "not a compact JWS");
        }
        String algorithm = jws.getAlgorithmHeaderValue();
        if (!TicketSigner.ALGORITHM.equals(algorithm)) {
            return Verdict.refused(Verdict.Reason.ALGORITHM_NOT_ALLOWED, "algorithm " + algorithm + " is not " + TicketSigner.ALGORITHM);
        }
        String kid = jws.getKeyIdHeaderValue();
        Optional<JsonWebKey> key = kid == null ? Optional.empty() : findKey(kid);
        if (key.isEmpty()) {
            return Verdict.refused(Verdict.Reason.UNKNOWN_KEY, "key " + kid + " is not in the ticket keys");
        }
        TicketClaims claims;
        try {
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, TicketSigner.ALGORITHM));
            jws.setKey(key.get().getKey());
            if (!jws.verifySignature()) {
                return Verdict.refused(Verdict.Reason.BAD_SIGNATURE, "the signature does not match the ticket");
            }
            claims = TicketClaims.of(JwtClaims.parse(jws.getPayload()));
        } catch (JoseException e) {
            return Verdict.refused(Verdict.Reason.BAD_SIGNATURE, "the signature cannot be checked: " + e.getMessage());
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Verdict.refused(Verdict.Reason.MALFORMED, "the claims are not a ticket's: " + e.getMessage());
        }
        if (!issuer.equals(claims.issuer())) {
            return Verdict.refused(Verdict.Reason.WRONG_ISSUER, "issued by " + claims.issuer() + ", not " + issuer, claims);
        }
        if (now.plus(clockSkew).isBefore(claims.validFrom())) {
            return Verdict.refused(Verdict.Reason.NOT_YET_VALID, "valid from " + claims.validFrom(), claims);
        }
        if (!now.minus(clockSkew).isBefore(claims.validTo())) {
            return Verdict.refused(Verdict.Reason.EXPIRED, "expired at " + claims.validTo(), claims);
        }
        if (operatorCodespace.isPresent() && !operatorCodespace.get().equals(claims.operatorCodespace())) {
            return Verdict.refused(Verdict.Reason.OTHER_OPERATOR, "a ticket of " + claims.operatorCodespace() + ", not " + operatorCodespace.get(), claims);
        }
        if (disabled.contains(claims.ticketId())) {
            return Verdict.refused(Verdict.Reason.DISABLED, "ticket " + claims.ticketId() + " is disabled (refunded)", claims);
        }
        return new Verdict(Verdict.Reason.VALID, "valid until " + claims.validTo(), Optional.of(claims));
    }

    private Optional<JsonWebKey> findKey(String kid) {
        List<JsonWebKey> found = keys.findJsonWebKeys(kid, "EC", "sig", TicketSigner.ALGORITHM);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
