package org.partnerplatform.settlement.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class SettlementCalendarTest {
    static final SettlementCalendar OSLO = new SettlementCalendar(ZoneId.of("Europe/Oslo"), Duration.ofMinutes(15));

    @Test
    void aDayRunsFromMidnightToMidnightInOslo() {
        assertThat(OSLO.dayOf(Instant.parse("2026-11-10T22:59:59Z"))).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(OSLO.dayOf(Instant.parse("2026-11-10T23:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(OSLO.length(LocalDate.parse("2026-11-10"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theSpringDayHas23HoursAndTheAutumnDay25() {
        LocalDate spring = LocalDate.parse("2026-03-29");
        assertThat(OSLO.length(spring)).isEqualTo(Duration.ofHours(23));
        assertThat(OSLO.start(spring)).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(OSLO.end(spring)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(OSLO.dayOf(Instant.parse("2026-03-29T21:59:59Z"))).isEqualTo(spring);
        assertThat(OSLO.dayOf(Instant.parse("2026-03-29T22:00:00Z"))).isEqualTo(spring.plusDays(1));

        LocalDate autumn = LocalDate.parse("2026-10-25");
        assertThat(OSLO.length(autumn)).isEqualTo(Duration.ofHours(25));
        assertThat(OSLO.start(autumn)).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(OSLO.end(autumn)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        // 02:30 comes twice that night; both belong to the 25th.
        assertThat(OSLO.dayOf(Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo(autumn);
        assertThat(OSLO.dayOf(Instant.parse("2026-10-25T01:30:00Z"))).isEqualTo(autumn);
    }

    @Test
    void aDayIsDueItsGraceAfterItsEnd() {
        LocalDate day = LocalDate.parse("2026-11-10");
        assertThat(OSLO.closesAt(day)).isEqualTo(Instant.parse("2026-11-10T23:15:00Z"));
        assertThat(OSLO.isDue(day, Instant.parse("2026-11-10T23:14:59Z"))).isFalse();
        assertThat(OSLO.isDue(day, Instant.parse("2026-11-10T23:15:00Z"))).isTrue();
        assertThat(OSLO.lastDueDay(Instant.parse("2026-11-10T23:14:59Z"))).isEqualTo(day.minusDays(1));
        assertThat(OSLO.lastDueDay(Instant.parse("2026-11-10T23:15:00Z"))).isEqualTo(day);
        // Across the DST days too: the 23-hour day is due at 22:15Z, the 25-hour one at 23:15Z.
        assertThat(OSLO.lastDueDay(Instant.parse("2026-03-29T22:15:00Z"))).isEqualTo(LocalDate.parse("2026-03-29"));
        assertThat(OSLO.lastDueDay(Instant.parse("2026-03-29T22:14:59Z"))).isEqualTo(LocalDate.parse("2026-03-28"));
        assertThat(OSLO.lastDueDay(Instant.parse("2026-10-25T23:15:00Z"))).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(OSLO.lastDueDay(Instant.parse("2026-10-25T23:14:59Z"))).isEqualTo(LocalDate.parse("2026-10-24"));
    }
}
