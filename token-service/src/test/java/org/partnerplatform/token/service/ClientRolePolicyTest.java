package org.partnerplatform.token.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.web.ProblemException;

class ClientRolePolicyTest {

    @Test
    void clientAdministratorsGrantTheOrganisationRoles() {
        assertThatCode(() -> ClientRolePolicy.requireMayGrant(false, 42, EnumSet.of(Role.PARTNER, Role.KLIENTADMINISTRATOR)))
                .doesNotThrowAnyException();
    }

    @Test
    void platformWideRolesComeOnlyFromPlatformAdminsAndOnlyToThePlatform() {
        assertThatCode(() -> ClientRolePolicy.requireMayGrant(true, 1, EnumSet.of(Role.PLATFORM_ADMIN, Role.FINANCE)))
                .doesNotThrowAnyException();
        assertStatus(() -> ClientRolePolicy.requireMayGrant(false, 1, EnumSet.of(Role.PLATFORM_ADMIN)), 403);
        assertStatus(() -> ClientRolePolicy.requireMayGrant(false, 42, EnumSet.of(Role.FINANCE)), 403);
        assertStatus(() -> ClientRolePolicy.requireMayGrant(true, 42, EnumSet.of(Role.PLATFORM_ADMIN)), 400);
        assertStatus(() -> ClientRolePolicy.requireMayGrant(true, 42, EnumSet.of(Role.FINANCE)), 400);
    }

    @Test
    void onlyAnOperatorsClientsReadAsAnOperator() {
        assertThatCode(() -> ClientRolePolicy.requireFitsOrganisation(org.partnerplatform.token.repository.OrganisationType.OPERATOR,
                EnumSet.of(Role.OPERATOR))).doesNotThrowAnyException();
        assertStatus(() -> ClientRolePolicy.requireFitsOrganisation(org.partnerplatform.token.repository.OrganisationType.PARTNER,
                EnumSet.of(Role.PARTNER, Role.OPERATOR)), 400);
        assertStatus(() -> ClientRolePolicy.requireFitsOrganisation(org.partnerplatform.token.repository.OrganisationType.PARTNER,
                EnumSet.of(Role.INSPECTOR)), 400);
        assertThatCode(() -> ClientRolePolicy.requireFitsOrganisation(org.partnerplatform.token.repository.OrganisationType.OPERATOR,
                EnumSet.of(Role.OPERATOR, Role.INSPECTOR))).doesNotThrowAnyException();
        assertThatCode(() -> ClientRolePolicy.requireFitsOrganisation(org.partnerplatform.token.repository.OrganisationType.PARTNER,
                EnumSet.of(Role.PARTNER))).doesNotThrowAnyException();
    }

    @Test
    void aClientNeedsARole() {
        assertStatus(() -> ClientRolePolicy.requireMayGrant(true, 1, Set.of()), 400);
    }

    @Test
    void onlyAPlatformAdminRevokesAPlatformWideClient() {
        assertStatus(() -> ClientRolePolicy.requireMayRevoke(false, EnumSet.of(Role.PLATFORM_ADMIN)), 403);
        assertThatCode(() -> ClientRolePolicy.requireMayRevoke(true, EnumSet.of(Role.PLATFORM_ADMIN))).doesNotThrowAnyException();
        assertThatCode(() -> ClientRolePolicy.requireMayRevoke(false, EnumSet.of(Role.PARTNER))).doesNotThrowAnyException();
    }

    private static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status));
    }
}
