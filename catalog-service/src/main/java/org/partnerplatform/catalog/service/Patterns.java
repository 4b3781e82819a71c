package org.partnerplatform.catalog.service;

/** The shapes of identifiers, as the event schemas in platform-events define them. */
public final class Patterns {
    /** A NeTEx id: {@code <CODESPACE>:<Type>:<name>}, e.g. {@code VYG:SalesPackage:Standard}. */
    public static final String NETEX_ID = "^[A-Z]{3}:[A-Za-z]+:[A-Za-z0-9_\\-]+$";
    public static final String NETEX_ID_MESSAGE = "must be <CODESPACE>:<Type>:<name>, e.g. VYG:SalesPackage:Standard";
    public static final String CODESPACE = "^[A-Z]{3}$";
    public static final String USER_PROFILE = "^[A-Z][A-Z_]{1,31}$";
    public static final String CHANNEL = "^[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,39}$";
    public static final String RATE = "^[0-9]{1,2}(\\.[0-9]{1,2})?$";

    private Patterns() {
    }
}
