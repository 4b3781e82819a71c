package org.partnerplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void aPlainIdIsKept() {
        assertThat(CorrelationIds.acceptOrCreate("booking-42:retry.1")).isEqualTo("booking-42:retry.1");
    }

    @Test
    void noIdGetsANewOne() {
        assertThat(UUID.fromString(CorrelationIds.acceptOrCreate(null))).isNotNull();
        assertThat(CorrelationIds.acceptOrCreate("")).isNotEmpty();
        assertThat(CorrelationIds.acceptOrCreate(null)).isNotEqualTo(CorrelationIds.acceptOrCreate(null));
    }

    @Test
    void anIdThatCouldForgeALogLineOrIsTooLongIsReplaced() {
        assertThat(CorrelationIds.acceptOrCreate("a\nFAKE ERROR line")).doesNotContain("FAKE");
        assertThat(CorrelationIds.acceptOrCreate("two words")).isNotEqualTo("two words");
        assertThat(CorrelationIds.acceptOrCreate("x".repeat(129))).hasSize(36);
        assertThat(CorrelationIds.acceptOrCreate("x".repeat(128))).hasSize(128);
    }

    @Test
    void anIdReadFromAnEventIsKeptWhenPlainAndDroppedOtherwise() {
        assertThat(CorrelationIds.plainOrNull("sale-1")).isEqualTo("sale-1");
        assertThat(CorrelationIds.plainOrNull("sale 1\nforged")).isNull();
        assertThat(CorrelationIds.plainOrNull(null)).isNull();
    }
}
