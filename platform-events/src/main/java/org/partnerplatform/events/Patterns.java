package org.partnerplatform.events;

/**
 * The shapes of the platform's identifiers and keys, for Bean Validation on REST bodies; the event schemas
 * ({@code schemas/common.json}) define the same ones, and a test holds them equal.
 */
public final class Patterns {
    /** A NeTEx id: {@code <CODESPACE>:<Type>:<name>}, e.g. {@code VYG:SalesPackage:Standard}. */
    public static final String NETEX_ID = "^[A-Z]{3}:[A-Za-z]+:[A-Za-z0-9_\\-]+$";
    public static final String NETEX_ID_MESSAGE = "must be <CODESPACE>:<Type>:<name>, e.g. VYG:SalesPackage:Standard";
    public static final String CODESPACE = "^[A-Z]{3}$";
    public static final String USER_PROFILE = "^[A-Z][A-Z_]{1,31}$";
    public static final String CHANNEL = "^[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,39}$";
    public static final String RATE = "^[0-9]{1,2}(\\.[0-9]{1,2})?$";
    /** A ticket validity: an ISO-8601 duration of days, hours and minutes (PT90M, P1D, P1DT12H). */
    public static final String TICKET_VALIDITY = "^P(?=[0-9T])([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?)?$";
    /** A partner's idempotency key (the Idempotency-Key header, a request record's key): 8 to 128 characters. */
    public static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9._:\\-]{8,128}$";

    private Patterns() {
    }
}
