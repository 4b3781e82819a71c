package org.partnerplatform.catalog.service;

import java.util.Collection;
import java.util.List;

import org.partnerplatform.catalog.repository.Agreement;
import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.LocalizedText;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;

/**
 * The full state of products and agreements as the compacted catalog topics carry them: a consumer that reads a
 * topic from the beginning holds the current state of every product and agreement. Sets are sorted so that the
 * same state always serialises the same way.
 */
public final class CatalogEvents {
    private CatalogEvents() {
    }

    public static ProductState productState(Product p) {
        List<ProductPrice> prices = p.prices.stream()
                .map(price -> new ProductPrice(price.userProfile, Amounts.format(price.amount), Amounts.CURRENCY)).toList();
        return new ProductState(p.id, p.operatorOrganisationId, p.codespace, new LocalizedText(p.nameNb, p.nameEn), p.status.name(),
                p.version, p.vatGroup, p.vatRate, prices, List.copyOf(p.distributionChannels), p.validFrom, p.validTo, p.ticketValidity, p.updatedAt);
    }

    public static AgreementState agreementState(Agreement a) {
        return new AgreementState(a.id, a.partnerOrganisationId, a.operatorOrganisationId, a.status.name(), a.allProducts,
                sorted(a.productIds), sorted(a.rights), a.distributionChannelId, a.commissionBasisPoints, a.validFrom, a.validTo,
                sorted(a.readyEnvironments), a.version, a.updatedAt);
    }

    static List<String> sorted(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }
}
