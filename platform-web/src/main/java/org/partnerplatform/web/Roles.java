package org.partnerplatform.web;

/** The roles that travel in access tokens. */
public final class Roles {
    /** The platform's own operators: onboard organisations, write agreements, certify. */
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    /** Manages the clients of its own organisation, and of no other. */
    public static final String KLIENTADMINISTRATOR = "KLIENTADMINISTRATOR";
    /** A person who manages the persons of its own organisation (invites, changes roles, removes). */
    public static final String BRUKERADMINISTRATOR = "BRUKERADMINISTRATOR";
    /** A person who reads its own organisation's orders. */
    public static final String SALES_READER = "SALES_READER";
    /** A person who reads its own organisation's orders and refunds their lines (where an agreement gives the REFUND right). */
    public static final String SALES_ADMINISTRATOR = "SALES_ADMINISTRATOR";
    /** A person who reads its own organisation's settlements. */
    public static final String FINANCE_READER = "FINANCE_READER";
    /** Sells. */
    public static final String PARTNER = "PARTNER";
    /** Reads settlement. */
    public static final String FINANCE = "FINANCE";
    /** An operator's own reader of settlement: what partners owe it (its operator statements); it also syncs its disabled tickets. */
    public static final String OPERATOR = "OPERATOR";
    /** An operator's ticket inspector: verifies its operator's tickets and syncs the disabled list. */
    public static final String INSPECTOR = "INSPECTOR";

    private Roles() {
    }
}
