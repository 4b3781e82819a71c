package org.partnerplatform.sales.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.Environment;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.sales.config.SalesConfig;
import org.partnerplatform.sales.repository.DayTotalsRows;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Publishes, once a day is over (its end in the platform's time zone plus {@code platform.sales.day-totals-grace}),
 * each partner's own figures of it as SalesDayTotals, for settlement-service to reconcile its settlement against.
 * A day is published once, by the replica that records it first; days are published in order, starting with the
 * day before the first run (days before the publisher existed are not reconciled).
 */
@ApplicationScoped
public class DayTotalsPublisher {
    private static final Logger LOG = Logger.getLogger(DayTotalsPublisher.class);
    private static final int MAX_DAYS_PER_RUN = 31;

    private final Transactions transactions;
    private final Pool pool;
    private final Clock clock;
    private final Duration grace;
    private final boolean earlyReport;

    public DayTotalsPublisher(Transactions transactions, Pool pool, Clock clock, SalesConfig config,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment) {
        this.transactions = transactions;
        this.pool = pool;
        this.clock = clock;
        this.grace = config.dayTotalsGrace();
        this.earlyReport = environment.closesDaysEarly();
    }

    @Scheduled(every = "${platform.sales.day-totals-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return publishDue().onFailure().invoke(e -> LOG.warn("publishing day totals failed; the next run retries", e)).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes every day that is over and not yet published; answers the days published. */
    public Uni<List<LocalDate>> publishDue() {
        LocalDate lastDue = lastDue(Instant.now(clock));
        return DayTotalsRows.lastPublished(pool).chain(last -> {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate day = last.map(d -> d.plusDays(1)).orElse(lastDue); !day.isAfter(lastDue) && days.size() < MAX_DAYS_PER_RUN;
                    day = day.plusDays(1)) {
                days.add(day);
            }
            return Multi.createFrom().iterable(days).onItem().transformToUniAndConcatenate(this::publish).collect().asList()
                    .map(published -> published.stream().filter(d -> d != null).toList());
        });
    }

    /** Publishes the day's totals, one event per partner that sold or refunded on it; null when another replica did. */
    public Uni<LocalDate> publish(LocalDate day) {
        Instant now = Instant.now(clock);
        return transactions.inTransaction(work -> DayTotalsRows.figures(work.sql(), start(day), start(day.plusDays(1))).chain(figures -> DayTotalsRows
                .claim(work.sql(), day, figures.size(), now).map(claimed -> {
                    if (!claimed) {
                        return null;
                    }
                    publishIn(work, day, figures, now);
                    LOG.infof("published the totals of %s for %d partners", day, figures.size());
                    return day;
                })));
    }

    /**
     * Publishes a day's totals again, on request (finance, after a fault or for a day before the publisher ran): a day
     * that is over, or, where days close early, today so far. Settlement keeps the latest report of a day; the
     * schedule still publishes the day once it is over.
     */
    public Uni<Map<Long, DayTotalsRows.Figures>> publishOnRequest(LocalDate day) {
        Instant now = Instant.now(clock);
        LocalDate allowed = earlyReport ? now.atZone(clock.getZone()).toLocalDate() : lastDue(now);
        if (day.isAfter(allowed)) {
            throw new DayTotalsRefusedException("day-not-over", "the totals of " + day + " may be published from "
                    + start(day.plusDays(1)).plus(grace));
        }
        return transactions.inTransaction(work -> DayTotalsRows.figures(work.sql(), start(day), start(day.plusDays(1)))
                .invoke(figures -> publishIn(work, day, figures, now)));
    }

    /** Each partner's figures of the day so far, as they would be published now. */
    public Uni<Map<Long, DayTotalsRows.Figures>> figures(LocalDate day) {
        return DayTotalsRows.figures(pool, start(day), start(day.plusDays(1)));
    }

    private static void publishIn(Work work, LocalDate day, Map<Long, DayTotalsRows.Figures> figures, Instant now) {
        for (Map.Entry<Long, DayTotalsRows.Figures> e : figures.entrySet()) {
            DayTotalsRows.Figures f = e.getValue();
            work.publish(OutgoingEvent.of(Topics.SALES_ORDER_EVENTS, Long.toString(e.getKey()), new SalesDayTotals(e.getKey(), day,
                    Amounts.CURRENCY, f.saleCount(), Amounts.format(f.saleAmount()), f.refundCount(), Amounts.format(f.refundAmount()), now))
                    .withSubject(day.toString()));
        }
    }

    private LocalDate lastDue(Instant now) {
        return now.minus(grace).atZone(clock.getZone()).toLocalDate().minusDays(1);
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }
}
