package org.partnerplatform.catalog.service;

import java.util.List;

import org.partnerplatform.catalog.repository.PriceChange;
import org.partnerplatform.catalog.repository.Product;

/** A product with its scheduled price changes, earliest first. */
public record ProductDetails(Product product, List<PriceChange> priceChanges) {
}
