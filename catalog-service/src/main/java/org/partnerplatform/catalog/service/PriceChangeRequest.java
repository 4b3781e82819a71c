package org.partnerplatform.catalog.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Prices that replace all of a product's prices from {@code effectiveFrom} on, a day after today in the
 * deployment's time zone (today's prices change with a PUT of the product). A second change for the same day
 * replaces the first.
 */
public record PriceChangeRequest(
        @NotNull LocalDate effectiveFrom,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid PriceInput> prices) {
}
