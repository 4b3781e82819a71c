package org.partnerplatform.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A form's URL opened with GET leads to the page the form is on. */
class FormPathsTest {

    @Test
    void aFormsPathLeadsToItsPage() {
        assertThat(FormPaths.pageOf("/clients/gcHeEefCxZS6lwBc7gVdHc/rotate")).isEqualTo("/clients");
        assertThat(FormPaths.pageOf("/persons/p-1/reset")).isEqualTo("/persons");
        assertThat(FormPaths.pageOf("/orders/3f2a-9c/refunds")).isEqualTo("/orders/3f2a-9c");
        assertThat(FormPaths.pageOf("/admin/agreements/42/activate")).isEqualTo("/admin/agreements");
        assertThat(FormPaths.pageOf("/admin/organisations/7/invitations")).isEqualTo("/admin/organisations");
        assertThat(FormPaths.pageOf("/")).isEqualTo("/");
    }

    @Test
    void nothingButAnIdOfThePlatformsShapeGoesIntoTheURL() {
        // A decoded path may hold anything; the page is then the section's.
        assertThat(FormPaths.pageOf("/orders/a b?x=1/refunds")).isEqualTo("/orders");
        assertThat(FormPaths.pageOf("/orders/%2F%2Fevil.example/refunds")).isEqualTo("/orders");
    }
}
