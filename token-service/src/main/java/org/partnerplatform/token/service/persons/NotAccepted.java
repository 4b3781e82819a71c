package org.partnerplatform.token.service.persons;

/** Why an acceptance was refused, for the person to read (in their language); the invitation stays open. */
public final class NotAccepted extends RuntimeException {
    public enum Reason {
        /** The page with the secret to enrol was never shown. */
        NOT_ENROLLED,
        WRONG_CODE,
        ADDRESS_TAKEN
    }

    private final Reason reason;

    NotAccepted(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
