package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partnerplatform.token.repository.Role;

class ScopesTest {
    static final EnumSet<Role> HELD = EnumSet.of(Role.PARTNER, Role.KLIENTADMINISTRATOR);

    @Test
    void withoutAScopeTheClientGetsAllItsRoles() {
        assertThat(Scopes.grant(Optional.empty(), HELD)).isEqualTo(HELD);
        assertThat(Scopes.grant(Optional.of(Scopes.parse("  ")), HELD)).isEqualTo(HELD);
    }

    @Test
    void aScopeNarrowsToASubset() {
        assertThat(Scopes.grant(Optional.of(Scopes.parse("PARTNER")), HELD)).containsExactly(Role.PARTNER);
        assertThat(Scopes.format(Scopes.parse("PARTNER  KLIENTADMINISTRATOR"))).isEqualTo("KLIENTADMINISTRATOR PARTNER");
    }

    @Test
    void unknownOrUnheldRolesAreInvalidScope() {
        assertThatThrownBy(() -> Scopes.parse("openid")).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo("invalid_scope"));
        assertThatThrownBy(() -> Scopes.grant(Optional.of(Scopes.parse("PARTNER FINANCE")), HELD))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_scope"));
    }
}
