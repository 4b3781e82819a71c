package org.partnerplatform.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.catalog.service.ProductName;
import org.partnerplatform.events.Amounts;

/** A product as the platform's admins read and write it. {@code version} goes back in If-Match (or the body) on update. */
public record ProductView(
        String id,
        long operatorOrganisationId,
        String codespace,
        ProductName name,
        String status,
        long version,
        String vatGroup,
        String vatRate,
        List<PriceView> prices,
        List<String> distributionChannels,
        LocalDate validFrom,
        LocalDate validTo,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {

    /** A price for one user profile, VAT included. */
    public record PriceView(String userProfile, String amount, String currency) {
    }

    static ProductView of(Product p) {
        List<PriceView> prices = p.prices.stream().map(price -> new PriceView(price.userProfile, Amounts.format(price.amount), Amounts.CURRENCY)).toList();
        return new ProductView(p.id, p.operatorOrganisationId, p.codespace, new ProductName(p.nameNb, p.nameEn), p.status.name(), p.version,
                p.vatGroup, p.vatRate, prices, List.copyOf(p.distributionChannels), p.validFrom, p.validTo, p.createdAt, p.updatedAt, p.updatedBy);
    }
}
