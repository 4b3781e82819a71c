package org.partnerplatform.token.service.persons;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.web.ProblemException;

/**
 * Which roles a person may hold, and who may give them. Persons manage and read; selling, operating and inspecting
 * are done by clients (systems), so PARTNER, OPERATOR and INSPECTOR are never a person's. The platform-wide roles
 * (PLATFORM_ADMIN, FINANCE) are held only by persons of the platform organisation, and given only by a platform admin.
 */
public final class PersonRolePolicy {
    private static final Set<Role> OF_EVERY_ORGANISATION = EnumSet.of(Role.KLIENTADMINISTRATOR, Role.BRUKERADMINISTRATOR,
            Role.SALES_READER, Role.SALES_ADMINISTRATOR, Role.FINANCE_READER);

    private PersonRolePolicy() {
    }

    public static void requireMayHold(long organisationId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw ProblemException.badRequest("no-roles", "a person needs at least one role");
        }
        for (Role role : roles) {
            if (role.platformWide()) {
                if (organisationId != Organisation.PLATFORM_ID) {
                    throw ProblemException.badRequest("role-not-allowed",
                            role.claimValue() + " is held only by persons of the platform organisation (" + Organisation.PLATFORM_ID + ")");
                }
            } else if (!OF_EVERY_ORGANISATION.contains(role)) {
                throw ProblemException.badRequest("role-not-allowed", role.claimValue() + " is a role of clients, not of persons");
            }
        }
    }

    /**
     * An organisation that has a user administrator keeps one, so that someone can still invite and manage its
     * persons: the last one can neither lose the role nor be removed, except by a platform admin (who can invite
     * again). {@code before} and {@code after} are the roles of the organisation's active persons around the change.
     */
    public static void requireAUserAdministratorRemains(Collection<Set<Role>> before, Collection<Set<Role>> after, boolean byPlatformAdmin) {
        boolean had = before.stream().anyMatch(roles -> roles.contains(Role.BRUKERADMINISTRATOR));
        boolean keeps = after.stream().anyMatch(roles -> roles.contains(Role.BRUKERADMINISTRATOR));
        if (had && !keeps && !byPlatformAdmin) {
            throw ProblemException.conflict("last-user-administrator",
                    "the organisation's last " + Role.BRUKERADMINISTRATOR.claimValue() + " cannot lose the role or be removed; give it to another person first");
        }
    }

    /**
     * The platform keeps a platform admin among its persons, whoever changes them (two platform admins taking each
     * other's role at once are decided one after the other, and the second is refused).
     */
    public static void requireAPlatformAdminRemains(Collection<Set<Role>> before, Collection<Set<Role>> after) {
        boolean had = before.stream().anyMatch(roles -> roles.contains(Role.PLATFORM_ADMIN));
        boolean keeps = after.stream().anyMatch(roles -> roles.contains(Role.PLATFORM_ADMIN));
        if (had && !keeps) {
            throw ProblemException.conflict("last-platform-admin",
                    "the platform's last person with " + Role.PLATFORM_ADMIN.claimValue() + " cannot lose the role or be removed");
        }
    }

    public static void requireMayGive(boolean byPlatformAdmin, Set<Role> roles) {
        if (!byPlatformAdmin && roles.stream().anyMatch(Role::platformWide)) {
            throw ProblemException.forbidden("only a platform admin may give " + Role.PLATFORM_ADMIN.claimValue() + " or "
                    + Role.FINANCE.claimValue());
        }
    }
}
