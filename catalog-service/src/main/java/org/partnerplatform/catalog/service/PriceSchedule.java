package org.partnerplatform.catalog.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.catalog.repository.PriceChange;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies scheduled price changes when their day comes (a day in the deployment's time zone): each becomes a new
 * version of its product, published on catalog.products in the same transaction, so the catalog and every
 * consumer switch prices together. It runs every few seconds (platform.catalog.price-schedule.interval), so a
 * change takes effect within that time after midnight. Several replicas may run it: a transaction-scoped advisory
 * lock lets one at a time work, and a product that an admin changes at the same moment fails the optimistic lock
 * and is retried on the next round.
 */
@ApplicationScoped
public class PriceSchedule {
    private static final Logger LOG = Logger.getLogger(PriceSchedule.class);
    /** The advisory lock's key: any constant that no other lock of this database uses ("catalogP" in ASCII). */
    static final long LOCK = 0x636174616c6f6750L;
    private static final int PRODUCTS_PER_TRANSACTION = 100;
    private static final int MAX_ROUNDS = 50;
    private static final String ANY_DUE = "select exists (select 1 from price_change where effective_from <= $1)";

    private final ProductService products;
    private final CatalogRevisions revisions;
    private final CatalogSettings settings;
    private final Pool pool;

    public PriceSchedule(ProductService products, CatalogRevisions revisions, CatalogSettings settings, Pool pool) {
        this.products = products;
        this.revisions = revisions;
        this.settings = settings;
        this.pool = pool;
    }

    @Scheduled(identity = "price-schedule", every = "${platform.catalog.price-schedule.interval:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return applyDue().onFailure().recoverWithItem(failure -> {
            LOG.warnf("applying due price changes failed; the next round tries again: %s", failure.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** Applies every change whose day has come; returns how many products got new prices. */
    public Uni<Integer> applyDue() {
        LocalDate today = settings.today();
        // A cheap look first, outside any transaction: most rounds find nothing and write nothing.
        return pool.preparedQuery(ANY_DUE).execute(Tuple.of(today)).map(rows -> rows.iterator().next().getBoolean(0))
                .chain(anyDue -> anyDue ? rounds(today, 0, 0) : Uni.createFrom().item(0));
    }

    private Uni<Integer> rounds(LocalDate today, int round, int appliedSoFar) {
        return revisions.writing(() -> applyBatch(today),
                applied -> applied > 0 ? Set.of(CatalogRevisions.EVERYTHING) : Set.<String> of()).chain(applied -> {
            int total = appliedSoFar + applied;
            if (applied > 0) {
                LOG.infof("applied due price changes to %d products (as of %s)", applied, today);
            }
            return applied == PRODUCTS_PER_TRANSACTION && round + 1 < MAX_ROUNDS ? rounds(today, round + 1, total) : Uni.createFrom().item(total);
        });
    }

    /** One transaction: only the replica that holds the lock works; the others find it taken and leave. */
    private Uni<Integer> applyBatch(LocalDate today) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")", Boolean.class).getSingleResult())
                .chain(locked -> !locked ? Uni.createFrom().item(0) : PriceChange.dueBy(today, PRODUCTS_PER_TRANSACTION).chain(due -> {
                    Map<String, List<PriceChange>> byProduct = new LinkedHashMap<>();
                    due.forEach(c -> byProduct.computeIfAbsent(c.productId, k -> new ArrayList<>()).add(c));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Map.Entry<String, List<PriceChange>> entry : byProduct.entrySet()) {
                        chain = chain.chain(() -> products.applyDueInTransaction(entry.getKey(), entry.getValue()));
                    }
                    return chain.replaceWith(byProduct.size());
                }));
    }
}
