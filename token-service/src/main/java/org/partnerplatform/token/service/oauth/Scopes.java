package org.partnerplatform.token.service.oauth;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.partnerplatform.token.repository.Role;

/** OAuth scopes on this server are role names: a client may ask for a subset of its roles (RFC 6749 §3.3). */
public final class Scopes {

    private Scopes() {
    }

    /** The roles a scope string names; invalid_scope for a name that is no role. */
    public static Set<Role> parse(String scope) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String token : scope.trim().split(" +")) {
            if (!token.isEmpty()) {
                roles.add(Role.of(token).orElseThrow(() -> OAuthException.invalidScope("unknown scope: " + token)));
            }
        }
        return roles;
    }

    /** The roles to grant: those requested if the client holds them all, otherwise invalid_scope; all of them without a request. */
    public static Set<Role> grant(Optional<Set<Role>> requested, Set<Role> held) {
        if (requested.isEmpty() || requested.get().isEmpty()) {
            return EnumSet.copyOf(held);
        }
        if (!held.containsAll(requested.get())) {
            Set<Role> missing = EnumSet.copyOf(requested.get());
            missing.removeAll(held);
            throw OAuthException.invalidScope("the client does not hold " + format(missing));
        }
        return EnumSet.copyOf(requested.get());
    }

    public static String format(Set<Role> roles) {
        return String.join(" ", Role.claimValues(roles));
    }
}
