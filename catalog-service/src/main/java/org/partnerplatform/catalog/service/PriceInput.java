package org.partnerplatform.catalog.service;

import org.partnerplatform.events.Patterns;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.partnerplatform.events.Amounts;

/** A price for one user profile: a decimal string with two decimals, VAT included, in NOK (the only currency). */
public record PriceInput(
        @NotNull @Pattern(regexp = Patterns.USER_PROFILE, message = "must be an upper-case user profile such as ADULT") String userProfile,
        @NotNull @Pattern(regexp = Amounts.PATTERN, message = "must be a decimal string with two decimals, e.g. \"399.00\"")
        @DecimalMin("0.00") @DecimalMax("9999999999.99") String amount,
        @Pattern(regexp = Amounts.CURRENCY, message = "must be NOK") String currency) {
}
