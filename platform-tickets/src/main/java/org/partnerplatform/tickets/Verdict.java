package org.partnerplatform.tickets;

import java.util.Optional;

/** The outcome of checking a ticket: valid, or refused with a reason; the claims once the signature held. */
public record Verdict(Reason reason, String detail, Optional<TicketClaims> claims) {

    public enum Reason {
        VALID,
        /** Not a compact JWS, or its claims are not a ticket's. */
        MALFORMED,
        /** Any algorithm but ES256, "none" included. */
        ALGORITHM_NOT_ALLOWED,
        /** Signed with a key the JWKS does not hold: a foreign key, or one withdrawn long ago. */
        UNKNOWN_KEY,
        /** The signature does not match: an edited claim, or a forged ticket. */
        BAD_SIGNATURE,
        WRONG_ISSUER,
        NOT_YET_VALID,
        EXPIRED,
        /** Another operator's ticket, where the inspector checks for one operator. */
        OTHER_OPERATOR,
        /** Refunded: on the disabled list. */
        DISABLED,
        /** Online only: validly signed, but the issuer has no such ticket. */
        UNKNOWN_TICKET
    }

    public boolean valid() {
        return reason == Reason.VALID;
    }

    static Verdict refused(Reason reason, String detail) {
        return new Verdict(reason, detail, Optional.empty());
    }

    static Verdict refused(Reason reason, String detail, TicketClaims claims) {
        return new Verdict(reason, detail, Optional.of(claims));
    }
}
