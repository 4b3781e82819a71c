package org.partnerplatform.catalog.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** Prices that replace a product's prices from a future day on (a calendar day in the deployment's time zone). */
@Entity
@Table(name = "price_change")
public class PriceChange extends PanacheEntityBase {
    private static final String WITH_PRICES = "select distinct c from PriceChange c left join fetch c.prices ";

    @Id
    public UUID id;
    @Column(name = "product_id")
    public String productId;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "price_change_price", joinColumns = @JoinColumn(name = "price_change_id"))
    @OrderColumn(name = "position")
    public List<Price> prices = new ArrayList<>();

    /** The scheduled changes of these products, by product and then by day, prices included, in one query. */
    public static Uni<List<PriceChange>> ofProducts(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find(WITH_PRICES + "where c.productId in ?1 order by c.productId, c.effectiveFrom", productIds).list();
    }

    public static Uni<List<PriceChange>> all() {
        return find(WITH_PRICES + "order by c.productId, c.effectiveFrom").list();
    }

    /** Changes whose day has come, oldest first, for at most {@code limit} products. */
    public static Uni<List<PriceChange>> dueBy(LocalDate today, int limit) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select distinct c.productId from PriceChange c where c.effectiveFrom <= ?1 order by c.productId", String.class)
                .setParameter(1, today).setMaxResults(limit).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<PriceChange> of())
                        : PriceChange.<PriceChange> find(WITH_PRICES + "where c.productId in ?1 and c.effectiveFrom <= ?2 order by c.productId, c.effectiveFrom",
                                ids, today).list());
    }
}
