package org.partnerplatform.catalog.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.partnerplatform.events.Patterns;

/** What an admin writes about a product, whether creating it or replacing it: everything but its identity. */
public interface ProductContent {
    ProductName name();

    String vatGroup();

    String vatRate();

    List<PriceInput> prices();

    List<String> distributionChannels();

    LocalDate validFrom();

    LocalDate validTo();

    /** How long a ticket for the product is valid from its start (ISO-8601, PT90M, P1D); absent: {@value #DEFAULT_TICKET_VALIDITY}. */
    String ticketValidity();

    String DEFAULT_TICKET_VALIDITY = "P1D";
    /** A ticket's validity at most: a month's period pass. Inspectors' caches keep retired ticket keys this long and more. */
    Duration MAX_TICKET_VALIDITY = Duration.ofDays(31);

    /** The rules between fields, which Bean Validation on single fields does not see. */
    default void checkConsistency(InvalidRequestException.Collector errors) {
        VatGroup group = VatGroup.parse(vatGroup() == null ? VatGroup.DEFAULT.name() : vatGroup()).orElse(null);
        if (group == null) {
            errors.add("vatGroup", "must be one of " + List.of(VatGroup.values()));
        } else if (vatRate() != null && !vatRate().equals(group.rate())) {
            errors.add("vatRate", "the rate of " + group + " is " + group.rate());
        }
        if (ticketValidity() != null) {
            Duration validity = parsedValidity(ticketValidity());
            if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_TICKET_VALIDITY) > 0) {
                errors.add("ticketValidity", "must be an ISO-8601 duration of days, hours and minutes above zero and at most P31D, e.g. PT90M or P1D");
            }
        }
        if (validFrom() != null && validTo() != null && validTo().isBefore(validFrom())) {
            errors.add("validTo", "must not be before validFrom");
        }
        Set<String> profiles = new HashSet<>();
        for (PriceInput price : prices()) {
            if (!profiles.add(price.userProfile())) {
                errors.add("prices", "more than one price for user profile " + price.userProfile());
            }
        }
        if (new HashSet<>(distributionChannels()).size() != distributionChannels().size()) {
            errors.add("distributionChannels", "must not repeat a channel");
        }
    }

    default String ticketValidityOrDefault() {
        return ticketValidity() == null ? DEFAULT_TICKET_VALIDITY : ticketValidity();
    }

    private static Duration parsedValidity(String text) {
        if (!text.matches(Patterns.TICKET_VALIDITY)) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    default VatGroup vatGroupOrDefault() {
        return vatGroup() == null ? VatGroup.DEFAULT : VatGroup.valueOf(vatGroup());
    }
}
