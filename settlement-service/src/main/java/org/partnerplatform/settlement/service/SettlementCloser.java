package org.partnerplatform.settlement.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerplatform.events.Environment;
import org.partnerplatform.events.Topics;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Ids;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.settlement.config.SettlementConfig;
import org.partnerplatform.settlement.event.SettlementEvents;
import org.partnerplatform.settlement.repository.Reconciliations;
import org.partnerplatform.settlement.repository.Settlements;
import org.partnerplatform.settlement.repository.Settlements.PartnerDay;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Closes settlements. A partner's day is closed in one transaction: it locks the partner's number
 * ({@code settlement_sequence}, so that closes of one partner never overlap, whichever replica runs them), claims the
 * day's unsettled entries, writes the settlement with the next number and its totals per operator, publishes
 * SettlementClosed, and reconciles the day. When the day already has its settlement, the late entries make a
 * correction of it instead (SettlementCorrected). A replica that finds nothing left to claim closes nothing.
 */
// Created at start-up, not at first use: its metrics exist (at zero) before anything happened.
@Startup
@ApplicationScoped
public class SettlementCloser {
    private static final Logger LOG = Logger.getLogger(SettlementCloser.class);

    private final MeterRegistry registry;
    private final Transactions transactions;
    private final Pool pool;
    private final SettlementCalendar calendar;
    private final ReconciliationService reconciliations;
    private final Clock clock;
    private final int batch;
    private final boolean earlyClose;

    public SettlementCloser(Transactions transactions, Pool pool, SettlementCalendar calendar, ReconciliationService reconciliations,
            Clock clock, SettlementConfig config, @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment,
            MeterRegistry registry) {
        this.registry = registry;
        // At zero from the start, so that an alert on "no settlement closed today" has a series to look at.
        closedCounter(Settlement.ORDINARY);
        closedCounter(Settlement.CORRECTION);
        this.transactions = transactions;
        this.pool = pool;
        this.calendar = calendar;
        this.reconciliations = reconciliations;
        this.clock = clock;
        this.batch = config.closeBatch();
        this.earlyClose = environment.closesDaysEarly();
    }

    @Scheduled(every = "${platform.settlement.close-every:60s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return closeDue().invoke(closed -> {
            if (!closed.isEmpty()) {
                LOG.infof("closed %d settlements", closed.size());
            }
        }).onFailure().invoke(e -> LOG.warn("the settlement close failed; the next run retries", e)).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Closes every partner day that is due, then re-reconciles the pending days that are due; answers the settlements made. */
    public Uni<List<Settlement>> closeDue() {
        Instant now = Instant.now(clock);
        LocalDate lastDue = calendar.lastDueDay(now);
        return Settlements.due(pool, lastDue, batch)
                .chain(days -> Multi.createFrom().iterable(days).onItem().transformToUniAndConcatenate(day -> close(day, now))
                        .filter(Optional::isPresent).map(Optional::get).collect().asList())
                .call(() -> Reconciliations.pending(pool, lastDue, batch).chain(days -> Multi.createFrom().iterable(days).onItem()
                        .transformToUniAndConcatenate(day -> transactions.inTransaction(work -> reconciliations.reconcile(work, day, now)))
                        .collect().asList()))
                .call(reconciliations::refreshGauge);
    }

    /**
     * Closes the partner's day when finance asks: a due day at once (not waiting for the schedule), a day not yet due
     * only outside PRODUCTION (for certification in STAGING; the day's later entries make a correction).
     */
    public Uni<Settlement> closeOnRequest(PartnerDay day) {
        Instant now = Instant.now(clock);
        if (!calendar.isDue(day.settlementDate(), now) && !earlyClose) {
            throw new CloseRefusedException("not-due", day.settlementDate() + " may be closed from " + calendar.closesAt(day.settlementDate()));
        }
        return close(day, now).call(reconciliations::refreshGauge).map(closed -> closed.orElseThrow(() -> new CloseRefusedException(
                "nothing-to-close", "partner " + day.partnerOrganisationId() + " has no unsettled entries on " + day.settlementDate())));
    }

    /** Closes the partner's day now, due or not; empty when nothing was left to close (tests race two of these). */
    public Uni<Optional<Settlement>> close(PartnerDay day) {
        return close(day, Instant.now(clock)).call(reconciliations::refreshGauge);
    }

    private Counter closedCounter(String kind) {
        return Counter.builder("platform.settlements.closed").description("Settlements closed, ordinary or corrections")
                .tag("kind", kind.toLowerCase()).register(registry);
    }

    private Uni<Optional<Settlement>> close(PartnerDay day, Instant now) {
        return transactions.inTransaction(work -> closeIn(work, day, now));
    }

    private Uni<Optional<Settlement>> closeIn(Work work, PartnerDay day, Instant now) {
        var sql = work.sql();
        UUID id = Ids.next();
        return Settlements.lockSequence(sql, day.partnerOrganisationId())
                .chain(lastNo -> Settlements.ordinary(sql, day).chain(ordinary -> Settlements.claim(sql, day, id).chain(claimed -> {
                    if (claimed.entries().isEmpty()) {
                        return Uni.createFrom().item(Optional.<Settlement> empty());
                    }
                    Settlement s = new Settlement(id, day.partnerOrganisationId(), lastNo + 1, day.settlementDate(),
                            ordinary.isPresent() ? Settlement.CORRECTION : Settlement.ORDINARY, ordinary.map(Settlements.Ordinary::id).orElse(null),
                            ordinary.map(Settlements.Ordinary::settlementNo).orElse(null), claimed.currency(),
                            SettlementFigures.of(claimed.entries()), SettlementFigures.byOperator(claimed.entries()), now);
                    work.publish(OutgoingEvent.of(Topics.SETTLEMENT_EVENTS, Long.toString(s.partnerOrganisationId()), SettlementEvents.closed(s))
                            .withSubject(s.id().toString()));
                    work.afterCommit(() -> closedCounter(s.kind()).increment());
                    return Settlements.insert(sql, s)
                            .chain(() -> Settlements.advanceSequence(sql, s.partnerOrganisationId(), s.settlementNo()))
                            .chain(() -> reconciliations.reconcile(work, day, now))
                            .replaceWith(Optional.of(s));
                })));
    }
}
