package org.partnerplatform.token.repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.partnerplatform.web.Roles;

/** The roles a client may hold; their names are the values of the roles claim (see {@link Roles}). */
public enum Role {
    PLATFORM_ADMIN(Roles.PLATFORM_ADMIN, true, false),
    KLIENTADMINISTRATOR(Roles.KLIENTADMINISTRATOR, false, false),
    PARTNER(Roles.PARTNER, false, false),
    FINANCE(Roles.FINANCE, true, false),
    OPERATOR(Roles.OPERATOR, false, false),
    INSPECTOR(Roles.INSPECTOR, false, false),
    BRUKERADMINISTRATOR(Roles.BRUKERADMINISTRATOR, false, true),
    SALES_READER(Roles.SALES_READER, false, true),
    SALES_ADMINISTRATOR(Roles.SALES_ADMINISTRATOR, false, true),
    FINANCE_READER(Roles.FINANCE_READER, false, true);

    private final String claimValue;
    private final boolean platformWide;
    private final boolean personsOnly;

    Role(String claimValue, boolean platformWide, boolean personsOnly) {
        this.claimValue = claimValue;
        this.platformWide = platformWide;
        this.personsOnly = personsOnly;
    }

    /** A role only a person holds (managing persons, reading in the portal); never a client's. */
    public boolean personsOnly() {
        return personsOnly;
    }

    public String claimValue() {
        return claimValue;
    }

    /**
     * A platform-wide role reaches every organisation's data (PLATFORM_ADMIN everything, FINANCE every partner's
     * ledger), so only the platform's own clients may hold it.
     */
    public boolean platformWide() {
        return platformWide;
    }

    public static Optional<Role> of(String claimValue) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(claimValue)).findFirst();
    }

    /** The claim values of some roles, in a fixed order (the order of this enum). */
    public static List<String> claimValues(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::claimValue).toList();
    }
}
