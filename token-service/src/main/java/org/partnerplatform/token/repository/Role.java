package org.partnerplatform.token.repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.partnerplatform.web.Roles;

/** The roles a client may hold; their names are the values of the roles claim (see {@link Roles}). */
public enum Role {
    PLATFORM_ADMIN(Roles.PLATFORM_ADMIN, true),
    KLIENTADMINISTRATOR(Roles.KLIENTADMINISTRATOR, false),
    PARTNER(Roles.PARTNER, false),
    FINANCE(Roles.FINANCE, true),
    OPERATOR(Roles.OPERATOR, false),
    INSPECTOR(Roles.INSPECTOR, false);

    private final String claimValue;
    private final boolean platformWide;

    Role(String claimValue, boolean platformWide) {
        this.claimValue = claimValue;
        this.platformWide = platformWide;
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
