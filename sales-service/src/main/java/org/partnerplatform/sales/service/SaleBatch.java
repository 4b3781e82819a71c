package org.partnerplatform.sales.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.partnerplatform.sales.repository.CatalogSnapshot;
import org.partnerplatform.sales.repository.IdempotencyRecord;

/**
 * What a batch of sales read before deciding any of them (stored outcomes of their keys, the catalog they need), and
 * what the batch itself decided, so that a key that comes twice in one batch gets its first outcome again.
 */
public final class SaleBatch {
    record Decided(String requestHash, SaleOutcome outcome) {
    }

    final Map<IdempotencyRecord.Key, IdempotencyRecord> stored;
    final CatalogSnapshot catalog;
    final LocalDate today;
    final Set<Long> suspendedOperators;
    final Map<IdempotencyRecord.Key, Decided> decided = new HashMap<>();

    SaleBatch(Map<IdempotencyRecord.Key, IdempotencyRecord> stored, CatalogSnapshot catalog, LocalDate today, Set<Long> suspendedOperators) {
        this.stored = stored;
        this.catalog = catalog;
        this.today = today;
        this.suspendedOperators = suspendedOperators;
    }
}
