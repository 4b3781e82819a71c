package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.partnerplatform.sales.repository.CatalogProjection.AgreementRow;
import org.partnerplatform.sales.repository.CatalogProjection.ProductRow;

/**
 * What a batch of sales needs of the catalog projection, read at once ({@link CatalogReads}): the products its lines
 * name with their prices, and its partners' agreements that are in force today in this environment.
 */
public record CatalogSnapshot(Map<String, ProductRow> products, Map<String, Map<String, BigDecimal>> prices,
        Map<Long, List<Agreement>> agreementsByPartner) {

    /** An agreement in force, and the products it lists (ignored when it covers all the operator's products). */
    public record Agreement(AgreementRow row, long partner, boolean allProducts, Set<String> productIds) {
        boolean covers(long operator, String productId) {
            return row.operatorOrganisationId() == operator && (allProducts || productIds.contains(productId));
        }
    }

    public Optional<ProductRow> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    public Optional<BigDecimal> price(String productId, String userProfile) {
        return Optional.ofNullable(prices.getOrDefault(productId, Map.of()).get(userProfile));
    }

    /** The partner's agreements in force that let it sell the operator's product, oldest id first. */
    public List<AgreementRow> agreementsCovering(long partner, long operator, String productId) {
        return agreementsByPartner.getOrDefault(partner, List.of()).stream().filter(a -> a.covers(operator, productId))
                .map(Agreement::row).toList();
    }
}
