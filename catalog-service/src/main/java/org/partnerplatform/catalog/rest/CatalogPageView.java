package org.partnerplatform.catalog.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnerplatform.catalog.repository.CatalogQueries.CatalogRow;
import org.partnerplatform.catalog.service.CatalogService;
import org.partnerplatform.catalog.service.CatalogService.CatalogResult;
import org.partnerplatform.catalog.service.PriceBreakdown;
import org.partnerplatform.catalog.service.ProductName;
import org.partnerplatform.events.Amounts;

/** One page of the products the calling organisation may sell here, today. */
public record CatalogPageView(
        long organisationId,
        @Schema(description = "The environment of this deployment; only products ready for use in it are listed") String environment,
        @Schema(description = "The day (in the deployment's time zone) for which validity was decided") LocalDate date,
        @Schema(description = "Counts from 0") int page,
        int pageSize,
        long totalCount,
        long totalPages,
        @Schema(description = "Credit required by the Norwegian Licence for Open Government Data (NLOD)") String dataCredit,
        String dataLicence,
        List<Item> items) {

    public static final String DATA_LICENCE = "NLOD";

    /** A product, its prices split into VAT and the rest, and the agreements that let the caller sell it. */
    public record Item(
            String id,
            long operatorOrganisationId,
            String codespace,
            ProductName name,
            String vatGroup,
            String vatRate,
            List<Price> prices,
            List<String> distributionChannels,
            LocalDate validFrom,
            LocalDate validTo,
            @Schema(description = "How long a ticket is valid from its start, ISO-8601 (PT90M, P1D)") String ticketValidity,
            long version,
            @Schema(description = "\"Data made available by Entur\" when the product was imported from the hub's NeTEx data (NLOD); else null")
            String dataCredit,
            List<Coverage> agreements) {
    }

    /** {@code amount} is what the passenger pays; {@code amountExclVat + vatAmount = amount}, to the øre. */
    public record Price(String userProfile, String currency, String amount, String amountExclVat, String vatAmount) {
    }

    public record Coverage(String agreementId, int commissionBasisPoints, String distributionChannelId) {
    }

    static CatalogPageView of(long organisationId, CatalogResult result) {
        long totalPages = (result.totalCount() + result.pageSize() - 1) / result.pageSize();
        return new CatalogPageView(organisationId, result.environment().name(), result.date(), result.page(), result.pageSize(),
                result.totalCount(), totalPages, CatalogService.DATA_CREDIT, DATA_LICENCE, result.rows().stream().map(CatalogPageView::item).toList());
    }

    private static Item item(CatalogRow row) {
        BigDecimal rate = new BigDecimal(row.vatRate());
        List<Price> prices = row.prices().stream().map(p -> {
            PriceBreakdown b = PriceBreakdown.of(p.amount, rate);
            return new Price(p.userProfile, Amounts.CURRENCY, Amounts.format(b.amount()), Amounts.format(b.amountExclVat()), Amounts.format(b.vatAmount()));
        }).toList();
        List<Coverage> coverage = row.agreements().stream()
                .map(c -> new Coverage(c.agreementId(), c.commissionBasisPoints(), c.distributionChannelId())).toList();
        return new Item(row.id(), row.operatorOrganisationId(), row.codespace(), new ProductName(row.nameNb(), row.nameEn()), row.vatGroup(),
                row.vatRate(), prices, row.distributionChannels(), row.validFrom(), row.validTo(), row.ticketValidity(), row.version(), row.dataSource().credit(), coverage);
    }
}
