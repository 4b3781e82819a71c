package org.partnerplatform.sales.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TicketValidityTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final Instant NOW = Instant.parse("2027-03-27T10:15:30.700Z");

    @Test
    void aTicketIsValidFromItsStartInWholeSecondsForItsProductsValidity() {
        TicketValidity single = TicketValidity.of(NOW, "PT90M", null, OSLO);
        assertThat(single.from()).isEqualTo(Instant.parse("2027-03-27T10:15:30Z"));
        assertThat(single.to()).isEqualTo(Instant.parse("2027-03-27T11:45:30Z"));
        // A day ticket is a calendar day: bought the day before the spring DST change, it holds 23 hours.
        assertThat(TicketValidity.of(NOW, null, null, OSLO).to()).isEqualTo(Instant.parse("2027-03-28T09:15:30Z"));
    }

    @Test
    void aTravelDateTicketHoldsTheWholeDayEvenTheShortOne() {
        // 28 March 2027 is the spring DST day in Oslo: 23 hours, from 23:00Z to 22:00Z.
        Instant start = TicketValidity.requestedStart(LocalDate.parse("2027-03-28"), null, NOW, OSLO).orElseThrow();
        assertThat(start).isEqualTo(Instant.parse("2027-03-27T23:00:00Z"));
        TicketValidity day = TicketValidity.of(start, "PT90M", LocalDate.parse("2027-03-28"), OSLO);
        assertThat(day.to()).isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
        // Days are calendar days: seven days from that midnight is the midnight of 4 April (+02:00), 167 hours later.
        TicketValidity week = TicketValidity.of(start, "P7D", LocalDate.parse("2027-03-28"), OSLO);
        assertThat(week.to()).isEqualTo(Instant.parse("2027-04-03T22:00:00Z"));
        assertThat(TicketValidity.of(start, "P1DT12H", null, OSLO).to()).isEqualTo(Instant.parse("2027-03-29T10:00:00Z"));
    }

    @Test
    void theStartAskedForIsTodayOrLaterAndAtMostNinetyDaysAhead() {
        assertThat(TicketValidity.requestedStart(null, null, NOW, OSLO)).isEmpty();
        assertThat(TicketValidity.requestedStart(LocalDate.parse("2027-03-27"), null, NOW, OSLO)).contains(Instant.parse("2027-03-26T23:00:00Z"));
        assertThat(TicketValidity.requestedStart(null, NOW.minus(Duration.ofMinutes(4)), NOW, OSLO)).contains(NOW.minus(Duration.ofMinutes(4)));
        assertRefused(LocalDate.parse("2027-03-26"), null);
        assertRefused(null, NOW.minus(Duration.ofMinutes(6)));
        assertRefused(null, NOW.plus(Duration.ofDays(91)));
        assertRefused(LocalDate.parse("2027-06-26"), null);
        assertRefused(LocalDate.parse("2027-03-28"), NOW);
    }

    static void assertRefused(LocalDate travelDate, Instant validFrom) {
        assertThatThrownBy(() -> TicketValidity.requestedStart(travelDate, validFrom, NOW, OSLO)).isInstanceOfSatisfying(OrderRefusedException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-validity-start"));
    }
}
