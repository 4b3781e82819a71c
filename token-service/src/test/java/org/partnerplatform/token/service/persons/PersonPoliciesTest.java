package org.partnerplatform.token.service.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.web.ProblemException;

class PersonPoliciesTest {
    static final long PARTNER = 7;

    @Test
    void personsManageAndReadWhileSellingOperatingAndInspectingAreClientsRoles() {
        PersonRolePolicy.requireMayHold(PARTNER, EnumSet.of(Role.KLIENTADMINISTRATOR, Role.BRUKERADMINISTRATOR, Role.SALES_READER,
                Role.SALES_ADMINISTRATOR, Role.FINANCE_READER));
        for (Role clientsOnly : Set.of(Role.PARTNER, Role.OPERATOR, Role.INSPECTOR)) {
            assertThatThrownBy(() -> PersonRolePolicy.requireMayHold(PARTNER, Set.of(clientsOnly))).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("role of clients");
        }
        assertThatThrownBy(() -> PersonRolePolicy.requireMayHold(PARTNER, Set.of())).isInstanceOf(ProblemException.class);
    }

    @Test
    void platformWideRolesAreThePlatformsPersonsAndOnlyAPlatformAdminGivesThem() {
        assertThatThrownBy(() -> PersonRolePolicy.requireMayHold(PARTNER, Set.of(Role.PLATFORM_ADMIN))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("platform organisation");
        PersonRolePolicy.requireMayHold(Organisation.PLATFORM_ID, Set.of(Role.PLATFORM_ADMIN, Role.FINANCE));
        PersonRolePolicy.requireMayGive(true, Set.of(Role.FINANCE));
        assertThatThrownBy(() -> PersonRolePolicy.requireMayGive(false, Set.of(Role.FINANCE))).isInstanceOf(ProblemException.class);
        PersonRolePolicy.requireMayGive(false, Set.of(Role.KLIENTADMINISTRATOR));
    }

    @Test
    void theLastUserAdministratorStaysUnlessAPlatformAdminActs() {
        Set<Role> admin = Set.of(Role.BRUKERADMINISTRATOR);
        Set<Role> reader = Set.of(Role.SALES_READER);
        // Two administrators: either may go.
        PersonRolePolicy.requireAUserAdministratorRemains(List.of(admin, admin), List.of(admin, reader), false);
        // The last one may not lose the role, nor be removed (gone from "after").
        assertThatThrownBy(() -> PersonRolePolicy.requireAUserAdministratorRemains(List.of(admin, reader), List.of(reader, reader), false))
                .isInstanceOf(ProblemException.class).hasMessageContaining("last BRUKERADMINISTRATOR");
        assertThatThrownBy(() -> PersonRolePolicy.requireAUserAdministratorRemains(List.of(admin, reader), List.of(reader), false))
                .isInstanceOf(ProblemException.class);
        // A platform admin may (it can invite again); an organisation without one has nothing to keep.
        PersonRolePolicy.requireAUserAdministratorRemains(List.of(admin, reader), List.of(reader), true);
        PersonRolePolicy.requireAUserAdministratorRemains(List.of(reader, reader), List.of(reader), false);
    }

    @Test
    void thePlatformKeepsAPlatformAdminWhoeverChangesItsPersons() {
        Set<Role> admin = Set.of(Role.PLATFORM_ADMIN);
        Set<Role> finance = Set.of(Role.FINANCE);
        PersonRolePolicy.requireAPlatformAdminRemains(List.of(admin, admin), List.of(admin, finance));
        assertThatThrownBy(() -> PersonRolePolicy.requireAPlatformAdminRemains(List.of(admin, finance), List.of(finance, finance)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("last person with PLATFORM_ADMIN");
        assertThatThrownBy(() -> PersonRolePolicy.requireAPlatformAdminRemains(List.of(admin), List.of())).isInstanceOf(ProblemException.class);
        PersonRolePolicy.requireAPlatformAdminRemains(List.of(finance), List.of());
    }

    @Test
    void passwordsAreLongEnoughNotSillyAndNotTheAddress() {
        String email = "kari.nordmann@partner.example";
        assertThat(PasswordPolicy.problem("correct horse battery staple", email)).isNull();
        assertThat(PasswordPolicy.problem("short", email)).isEqualTo(PasswordPolicy.Problem.TOO_SHORT);
        assertThat(PasswordPolicy.Problem.TOO_SHORT.english()).contains("at least 12");
        assertThat(PasswordPolicy.problem("x".repeat(129), email)).isEqualTo(PasswordPolicy.Problem.TOO_LONG);
        assertThat(PasswordPolicy.problem("abababababababab", email)).isEqualTo(PasswordPolicy.Problem.TOO_FEW_CHARACTERS);
        assertThat(PasswordPolicy.problem("Kari.Nordmann2026!", email)).isEqualTo(PasswordPolicy.Problem.CONTAINS_EMAIL);
        assertThat(PasswordPolicy.problem("", email)).isEqualTo(PasswordPolicy.Problem.MISSING);
        // Code points, not UTF-16 units: twelve emoji are twelve characters.
        assertThat(PasswordPolicy.problem("🚆🚌🚋🚇🚊🚝🚞🚃🚄🚅🚈🚂", email)).isNull();
    }

    @Test
    void addressesAreComparedTrimmedAndInLowerCase() {
        assertThat(EmailAddresses.normalise("  Kari@Partner.Example ")).isEqualTo("kari@partner.example");
        assertThat(EmailAddresses.normalise("no-at-sign")).isNull();
        assertThat(EmailAddresses.normalise("two@@ats.example")).isNull();
        assertThat(EmailAddresses.normalise("a b@c.example")).isNull();
    }
}
