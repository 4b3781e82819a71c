package org.partnerplatform.catalog.service;

import org.partnerplatform.events.Patterns;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A new three-party agreement. It covers either all of the operator's products ({@code allProducts: true}) or
 * exactly the listed ones, which must be the operator's.
 */
public record NewAgreement(
        @NotNull @Positive Long partnerOrganisationId,
        @NotNull @Positive Long operatorOrganisationId,
        Boolean allProducts,
        @Size(max = 1000) List<@NotNull @Pattern(regexp = Patterns.NETEX_ID, message = Patterns.NETEX_ID_MESSAGE) String> productIds,
        @NotEmpty List<@NotNull @Pattern(regexp = "SELL|REFUND", message = "must be SELL or REFUND") String> rights,
        @NotBlank @Size(max = 40) String distributionChannelId,
        @NotNull @Min(0) @Max(10_000) Integer commissionBasisPoints,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {

    public boolean coversAllProducts() {
        return Boolean.TRUE.equals(allProducts);
    }

    public List<String> listedProducts() {
        return productIds == null ? List.of() : productIds;
    }

    void checkConsistency(InvalidRequestException.Collector errors) {
        if (coversAllProducts() && !listedProducts().isEmpty()) {
            errors.add("productIds", "must be empty when allProducts is true");
        }
        if (!coversAllProducts() && listedProducts().isEmpty()) {
            errors.add("productIds", "must name at least one product unless allProducts is true");
        }
        if (new HashSet<>(listedProducts()).size() != listedProducts().size()) {
            errors.add("productIds", "must not repeat a product");
        }
        if (new HashSet<>(rights).size() != rights.size()) {
            errors.add("rights", "must not repeat a right");
        }
        if (partnerOrganisationId.equals(operatorOrganisationId)) {
            errors.add("partnerOrganisationId", "the partner and the operator must be different organisations");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            errors.add("validTo", "must not be before validFrom");
        }
    }
}
