package org.partnerplatform.web;

import java.security.Principal;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the platform's claims from a validated access token, whatever library parsed it. */
public final class TokenClaims {
    private TokenClaims() {
    }

    /** The organisation id in the named claim: a JSON number, or a string of digits from older clients. */
    public static Optional<Long> organisation(Principal principal, String claimName) {
        if (!(principal instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(claimName);
        if (claim instanceof JsonNumber n) {
            return Optional.of(n.longValue());
        }
        if (claim instanceof Number n) {
            return Optional.of(n.longValue());
        }
        String text = string(claim);
        if (text != null && text.matches("[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }

    /** The client the token was issued to: azp, else client_id, else the principal's name. */
    public static String clientId(Principal principal) {
        if (principal instanceof JsonWebToken jwt) {
            for (String claim : new String[] { "azp", "client_id" }) {
                String value = string(jwt.getClaim(claim));
                if (value != null) {
                    return value;
                }
            }
        }
        return principal.getName();
    }

    /**
     * The person a token speaks for: its subject when that is not the client it was issued to (a client's own token
     * has sub = client_id; a person's, signed in through a web client, has the person's id).
     */
    public static Optional<String> person(Principal principal) {
        if (principal instanceof JsonWebToken jwt) {
            String subject = jwt.getSubject();
            if (subject != null && !subject.equals(clientId(principal))) {
                return Optional.of(subject);
            }
        }
        return Optional.empty();
    }

    /** Issued-at in epoch seconds, or 0 when absent. */
    public static long issuedAt(Principal principal) {
        return principal instanceof JsonWebToken jwt ? jwt.getIssuedAtTime() : 0;
    }

    private static String string(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s ? s : null;
    }
}
