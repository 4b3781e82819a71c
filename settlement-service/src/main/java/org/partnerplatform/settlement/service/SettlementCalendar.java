package org.partnerplatform.settlement.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The settlement calendar: a settlement day is a calendar day in the platform's time zone (Europe/Oslo), from its
 * midnight to the next, so 23 hours on the spring DST day and 25 on the autumn one. A day may be closed once its end
 * plus the grace has passed: the grace lets the last sales of the day reach settlement before the close.
 */
public record SettlementCalendar(ZoneId zone, Duration grace) {

    public SettlementCalendar {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the close grace must not be negative: " + grace);
        }
    }

    /** The settlement day of something that happened at the instant. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant that no longer belongs to the day. */
    public Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }

    public Duration length(LocalDate day) {
        return Duration.between(start(day), end(day));
    }

    /** When the day may be closed. */
    public Instant closesAt(LocalDate day) {
        return end(day).plus(grace);
    }

    public boolean isDue(LocalDate day, Instant now) {
        return !now.isBefore(closesAt(day));
    }

    /** The latest day that is due at the instant: D is due when the start of D+1 is at or before now - grace. */
    public LocalDate lastDueDay(Instant now) {
        return dayOf(now.minus(grace)).minusDays(1);
    }
}
