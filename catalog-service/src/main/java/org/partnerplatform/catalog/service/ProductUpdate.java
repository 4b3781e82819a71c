package org.partnerplatform.catalog.service;

import org.partnerplatform.events.Patterns;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A full replacement of a product's content. {@code version} is the version the admin read (or give it in
 * If-Match): an update based on an older version is refused rather than silently overwriting a newer one.
 */
public record ProductUpdate(
        @NotNull @Valid ProductName name,
        String vatGroup,
        @Pattern(regexp = Patterns.RATE) String vatRate,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid PriceInput> prices,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = Patterns.CHANNEL) String> distributionChannels,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @Pattern(regexp = Patterns.TICKET_VALIDITY, message = "must be an ISO-8601 duration such as PT90M or P1D") String ticketValidity,
        @PositiveOrZero Long version) implements ProductContent {
}
