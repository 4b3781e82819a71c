package org.partnerplatform.sales.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a ticket is valid: from its start, in whole seconds (as a signed ticket states it), for its product's
 * validity as sold (ISO-8601; P1D, catalog's default, where the line predates it). The start is the one the
 * partner asked for on the line, else the confirmation.
 */
public record TicketValidity(Instant from, Instant to) {
    public static final Duration DEFAULT = Duration.ofDays(1);
    /** How far ahead a partner may sell: a ticket's validity starts at most this long after the sale. */
    public static final Duration MAX_ADVANCE = Duration.ofDays(90);
    /** A requested validFrom may lie this far in the past (the partner's clock, the request's way here). */
    public static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);

    /**
     * The start a line asks for: its travelDate's start of day in the zone, or its validFrom; empty when it names
     * neither. Refused (422 invalid-validity-start) when it names both, a travel date before today or a validFrom
     * more than {@link #PAST_TOLERANCE} ago, or a start more than {@link #MAX_ADVANCE} ahead.
     */
    public static Optional<Instant> requestedStart(LocalDate travelDate, Instant validFrom, Instant now, ZoneId zone) {
        if (travelDate != null && validFrom != null) {
            throw refused("give travelDate or validFrom, not both");
        }
        if (travelDate != null) {
            if (travelDate.isBefore(now.atZone(zone).toLocalDate())) {
                throw refused("travelDate " + travelDate + " is in the past");
            }
            Instant start = travelDate.atStartOfDay(zone).toInstant();
            if (start.isAfter(now.plus(MAX_ADVANCE))) {
                throw refused("travelDate " + travelDate + " is more than " + MAX_ADVANCE.toDays() + " days ahead");
            }
            return Optional.of(start);
        }
        if (validFrom != null) {
            if (validFrom.isBefore(now.minus(PAST_TOLERANCE))) {
                throw refused("validFrom " + validFrom + " is in the past");
            }
            if (validFrom.isAfter(now.plus(MAX_ADVANCE))) {
                throw refused("validFrom " + validFrom + " is more than " + MAX_ADVANCE.toDays() + " days ahead");
            }
            return Optional.of(validFrom);
        }
        return Optional.empty();
    }

    /** Days are calendar days in the zone (a P7D pass holds seven days whatever the DST changes), hours and minutes exact. */
    static Instant plusValidity(Instant from, String iso, ZoneId zone) {
        int t = iso.indexOf('T');
        String days = t < 0 ? iso : iso.substring(0, t);
        Instant to = days.length() > 1 ? from.atZone(zone).plus(Period.parse(days)).toInstant() : from;
        return t < 0 ? to : to.plus(Duration.parse("P" + iso.substring(t)));
    }

    private static OrderRefusedException refused(String detail) {
        return new OrderRefusedException(422, "invalid-validity-start", detail);
    }

    /** From the start for the product's validity; for a travel date at least until that day's end in the zone. */
    public static TicketValidity of(Instant start, String productValidity, LocalDate travelDate, ZoneId zone) {
        Instant from = start.truncatedTo(ChronoUnit.SECONDS);
        Instant to = plusValidity(from, productValidity == null ? "P1D" : productValidity, zone);
        if (travelDate != null) {
            Instant dayEnd = travelDate.plusDays(1).atStartOfDay(zone).toInstant();
            to = to.isBefore(dayEnd) ? dayEnd : to;
        }
        return new TicketValidity(from, to);
    }
}
