package org.partnerplatform.token.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** An invitation's link is open until it is used or it expires, whichever comes first. */
class InvitationTest {

    @Test
    void anInvitationIsOpenBeforeItExpiresAndNeitherAtNorAfterItNorOnceAccepted() {
        Instant expires = Instant.parse("2026-12-05T07:00:00Z");
        Invitation invitation = new Invitation();
        invitation.expiresAt = expires;
        assertThat(invitation.openAt(expires.minusSeconds(1))).isTrue();
        assertThat(invitation.openAt(expires)).isFalse();
        assertThat(invitation.openAt(expires.plusSeconds(1))).isFalse();
        invitation.acceptedAt = expires.minusSeconds(60);
        assertThat(invitation.openAt(expires.minusSeconds(1))).isFalse();
    }
}
