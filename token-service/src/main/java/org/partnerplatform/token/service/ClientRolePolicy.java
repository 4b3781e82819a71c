package org.partnerplatform.token.service;

import java.util.Set;

import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationType;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.web.ProblemException;

/**
 * Who may give which roles to whom. Platform-wide roles (PLATFORM_ADMIN, FINANCE) reach every organisation's data,
 * so only a platform admin may grant them, and only to the platform's own clients; a client administrator
 * manages the other roles of its own organisation. Whoever could not create a client cannot rotate its secret or
 * revoke it either.
 */
public final class ClientRolePolicy {

    private ClientRolePolicy() {
    }

    public static void requireMayGrant(boolean byPlatformAdmin, long organisationId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw ProblemException.badRequest("no-roles", "a client needs at least one role");
        }
        for (Role role : roles) {
            if (role.personsOnly()) {
                throw ProblemException.badRequest("role-not-allowed", role.claimValue() + " is a role of persons, not of clients");
            }
            if (!role.platformWide()) {
                continue;
            }
            if (!byPlatformAdmin) {
                throw ProblemException.forbidden("only a platform admin may grant " + role.claimValue());
            }
            if (organisationId != Organisation.PLATFORM_ID) {
                throw ProblemException.badRequest("role-not-allowed",
                        role.claimValue() + " is given only to clients of the platform organisation (" + Organisation.PLATFORM_ID + ")");
            }
        }
    }

    /**
     * OPERATOR reads what an operator is owed and INSPECTOR checks an operator's tickets, so only an operator
     * organisation's clients may hold them.
     */
    public static void requireFitsOrganisation(OrganisationType type, Set<Role> roles) {
        for (Role operatorsOnly : Set.of(Role.OPERATOR, Role.INSPECTOR)) {
            if (roles.contains(operatorsOnly) && type != OrganisationType.OPERATOR) {
                throw ProblemException.badRequest("role-not-allowed", operatorsOnly.claimValue() + " is given only to clients of operator organisations");
            }
        }
    }

    public static void requireMayRevoke(boolean byPlatformAdmin, Set<Role> roles) {
        if (!byPlatformAdmin && roles.stream().anyMatch(Role::platformWide)) {
            throw ProblemException.forbidden("only a platform admin may rotate or revoke a client with a platform-wide role");
        }
    }
}
