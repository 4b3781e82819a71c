package org.partnerplatform.settlement.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerplatform.events.Environment;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.settlement.config.SettlementConfig;
import org.partnerplatform.settlement.event.SettlementEvents;
import org.partnerplatform.settlement.repository.Reconciliations;
import org.partnerplatform.settlement.repository.Settlements.PartnerDay;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Reconciles a partner's day: sales-service's report of it against the settlements of it (the ordinary one and its
 * corrections), by the rule in {@link Reconciliation}. It runs when a report arrives, after every close, and for the
 * PENDING ones on each run of the close. A day is PENDING while any of its entries is unsettled, and in PRODUCTION
 * also until it is due (elsewhere a report asked for during the day is compared with what is closed). A result that
 * differs from the stored one is saved and published as SettlementReconciled. The gauge
 * {@code settlement_reconciliation_mismatches} counts the days in MISMATCH, and
 * {@code settlement_reconciliation_unreported} the settled days whose report is overdue ({@code report-wait}).
 */
// Created at start-up, not at first use: its metrics exist (at zero) before anything happened.
@Startup
@ApplicationScoped
public class ReconciliationService {
    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);

    private final SettlementCalendar calendar;
    private final Pool pool;
    private final Clock clock;
    private final Duration reportWait;
    private final boolean earlyReconcile;
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();

    public ReconciliationService(SettlementCalendar calendar, Pool pool, MeterRegistry registry, Clock clock, SettlementConfig config,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment) {
        this.calendar = calendar;
        this.pool = pool;
        this.clock = clock;
        this.reportWait = config.reportWait();
        // Where a day may be closed before it is over, its report (asked for early, see sales-service) may be compared too.
        this.earlyReconcile = environment.closesDaysEarly();
        registry.gauge("settlement.reconciliation.mismatches", mismatches);
        registry.gauge("settlement.reconciliation.unreported", unreported);
    }

    /** Keeps sales-service's report of a day (the latest computed one wins) and reconciles the day against it. */
    public Uni<Void> report(SalesDayTotals totals, Work work, Instant now) {
        return Reconciliations.saveReport(work.sql(), totals, now)
                .chain(() -> reconcile(work, new PartnerDay(totals.organisationId(), totals.salesDate()), now));
    }

    /** Reconciles the day in the work's transaction, after the work's own writes (see {@link Reconciliations#lock}). */
    public Uni<Void> reconcile(Work work, PartnerDay day, Instant now) {
        var sql = work.sql();
        return Reconciliations.lock(sql, day).chain(() -> Reconciliations.report(sql, day)).chain(report -> {
            if (report.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Reconciliations.settled(sql, day).chain(settled -> Reconciliations.hasUnsettled(sql, day).chain(unsettled -> {
                boolean settling = unsettled || !earlyReconcile && !calendar.isDue(day.settlementDate(), now);
                Reconciliation result = Reconciliation.of(day.partnerOrganisationId(), day.settlementDate(), report.get(), settled, settling, now);
                return Reconciliations.result(sql, day).chain(before -> {
                    if (!result.differsFrom(before.orElse(null))) {
                        return Uni.createFrom().voidItem();
                    }
                    if (result.status() == Reconciliation.Status.MISMATCH) {
                        LOG.warnf("settlement of partner %d for %s does not match sales: difference %s", day.partnerOrganisationId(),
                                day.settlementDate(), result.difference());
                    }
                    if (result.status() != Reconciliation.Status.PENDING) {
                        work.publish(OutgoingEvent.of(Topics.SETTLEMENT_EVENTS, Long.toString(day.partnerOrganisationId()),
                                SettlementEvents.reconciled(result)).withSubject(day.settlementDate().toString()));
                    }
                    return Reconciliations.save(sql, result);
                });
            }));
        });
    }

    /** Refreshes the gauges from the database (every replica's view of the same rows). */
    public Uni<Long> refreshGauge() {
        return Reconciliations.mismatches(pool).invoke(mismatches::set)
                .call(() -> Reconciliations.unreportedCount(pool, lastOverdueDay()).invoke(unreported::set));
    }

    /** The partner days settled whose report from sales-service is overdue: nothing can reconcile them. */
    public Uni<List<Reconciliations.Unreported>> unreported(int limit) {
        return Reconciliations.unreported(pool, lastOverdueDay(), limit);
    }

    private LocalDate lastOverdueDay() {
        return calendar.lastDueDay(Instant.now(clock).minus(reportWait));
    }
}
