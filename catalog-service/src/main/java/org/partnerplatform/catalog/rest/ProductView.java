package org.partnerplatform.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnerplatform.catalog.repository.Price;
import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.catalog.service.ProductDetails;
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
        @Schema(description = "The prices that apply today") List<PriceView> prices,
        @Schema(description = "Prices that replace all of today's from a later day on, earliest first") List<PriceChangeView> scheduledPriceChanges,
        List<String> distributionChannels,
        LocalDate validFrom,
        LocalDate validTo,
        @Schema(description = "How long a ticket is valid from its start, ISO-8601 (PT90M, P1D)") String ticketValidity,
        @Schema(description = "ADMIN_API, or NETEX_IMPORT for data imported from the hub's NeTEx fare data") String dataSource,
        @Schema(description = "\"Data made available by Entur\" for data imported from the hub; else null") String dataCredit,
        @Schema(description = "NLOD for data imported from the hub; else null") String dataLicence,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {

    /** A price for one user profile, VAT included. */
    public record PriceView(String userProfile, String amount, String currency) {
    }

    public record PriceChangeView(LocalDate effectiveFrom, List<PriceView> prices, Instant createdAt, String createdBy) {
    }

    static ProductView of(ProductDetails details) {
        Product p = details.product();
        List<PriceChangeView> changes = details.priceChanges().stream()
                .map(c -> new PriceChangeView(c.effectiveFrom, prices(c.prices), c.createdAt, c.createdBy)).toList();
        return new ProductView(p.id, p.operatorOrganisationId, p.codespace, new ProductName(p.nameNb, p.nameEn), p.status.name(), p.version,
                p.vatGroup, p.vatRate, prices(p.prices), changes, List.copyOf(p.distributionChannels), p.validFrom, p.validTo,
                p.ticketValidity, p.dataSource.name(), p.dataSource.credit(), p.dataSource.licence(), p.createdAt, p.updatedAt, p.updatedBy);
    }

    private static List<PriceView> prices(List<Price> prices) {
        return prices.stream().map(price -> new PriceView(price.userProfile, Amounts.format(price.amount), Amounts.CURRENCY)).toList();
    }
}
