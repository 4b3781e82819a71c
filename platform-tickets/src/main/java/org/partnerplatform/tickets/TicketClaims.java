package org.partnerplatform.tickets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/**
 * What a signed ticket states: which ticket of which order, for which operator (its codespace), product and user
 * profile, valid from when until when, issued by whom and when. Times are whole seconds (JWT NumericDate).
 * Claim names are short, as a QR code must stay small: {@code sub} ticket, {@code ord} order, {@code ops}
 * operator codespace, {@code prd} product, {@code upr} user profile, {@code nbf}/{@code exp} validity.
 */
public record TicketClaims(String ticketId, String orderId, String operatorCodespace, String productId, String userProfile,
        Instant validFrom, Instant validTo, String issuer, Instant issuedAt) {
    static final String ORDER = "ord";
    static final String OPERATOR = "ops";
    static final String PRODUCT = "prd";
    static final String USER_PROFILE = "upr";

    public TicketClaims {
        validFrom = validFrom.truncatedTo(ChronoUnit.SECONDS);
        validTo = validTo.truncatedTo(ChronoUnit.SECONDS);
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        if (!validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("a ticket's validity must end after it starts: " + validFrom + " – " + validTo);
        }
    }

    JwtClaims toJwt() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(ticketId);
        claims.setClaim(ORDER, orderId);
        claims.setClaim(OPERATOR, operatorCodespace);
        claims.setClaim(PRODUCT, productId);
        claims.setClaim(USER_PROFILE, userProfile);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setNotBefore(NumericDate.fromSeconds(validFrom.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(validTo.getEpochSecond()));
        return claims;
    }

    /** The claims of a verified ticket; fails when one is missing or of the wrong type. */
    static TicketClaims of(JwtClaims jwt) throws MalformedClaimException {
        String[] strings = { jwt.getSubject(), jwt.getStringClaimValue(ORDER), jwt.getStringClaimValue(OPERATOR),
                jwt.getStringClaimValue(PRODUCT), jwt.getStringClaimValue(USER_PROFILE), jwt.getIssuer() };
        for (String s : strings) {
            if (s == null || s.isBlank()) {
                throw new MalformedClaimException("a ticket names its ticket, order, operator, product, user profile and issuer");
            }
        }
        if (jwt.getNotBefore() == null || jwt.getExpirationTime() == null || jwt.getIssuedAt() == null) {
            throw new MalformedClaimException("a ticket has nbf, exp and iat");
        }
        return new TicketClaims(strings[0], strings[1], strings[2], strings[3], strings[4], seconds(jwt.getNotBefore()),
                seconds(jwt.getExpirationTime()), strings[5], seconds(jwt.getIssuedAt()));
    }

    private static Instant seconds(NumericDate date) {
        return Instant.ofEpochSecond(date.getValue());
    }
}
