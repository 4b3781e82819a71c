package org.partnerplatform.messaging.tx;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tracing.TraceContexts;

import io.opentelemetry.context.Context;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One database transaction, as a handler sees it, whether it applies one event or a batch of them: statements run at
 * once on {@link #sql()} (reads, and updates whose result matters); inserts given to {@link #insert} and events
 * given to {@link #publish} are kept and written when the work is done, in one statement of multi-row inserts (one
 * per table, in the order the tables were first used, then the outbox), before the commit. So an insert is not visible to {@link #sql()} in the same work: state that later items of a
 * batch must see goes in {@link #local}.
 */
public final class Work {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Work.class);
    static final MultiRowInsert OUTBOX = MultiRowInsert.into("outbox")
            .column("event_id", "uuid").column("topic", "text").column("message_key", "text").column("event_type", "text")
            .column("event_source", "text").column("event_subject", "text").column("event_time", "timestamptz")
            .column("payload", "text").column("correlation_id", "text").column("trace_parent", "text")
            .build();

    private final SqlConnection connection;
    private final String source;
    private final boolean validateOutgoing;
    private final Map<MultiRowInsert, List<Object[]>> inserts = new LinkedHashMap<>();
    private final List<Object[]> outbox = new ArrayList<>();
    private final Map<Object, Object> locals = new HashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    /** The trace the events published next continue: the caller's, or the record a batch is applying. */
    private Context trace;

    Work(SqlConnection connection, String source, boolean validateOutgoing, Context trace) {
        this.connection = connection;
        this.source = source;
        this.validateOutgoing = validateOutgoing;
        this.trace = trace;
    }

    /**
     * The trace that the events published from now on belong to (their outbox rows keep it, and the relay publishes
     * them in it): a batch sets each record's before applying it.
     */
    public void continueTrace(Context context) {
        this.trace = context;
    }

    /** The transaction's connection, for statements that must run now. */
    public SqlConnection sql() {
        return connection;
    }

    /** Adds a row (values in the insert's column order), written when the work is done. */
    public void insert(MultiRowInsert into, Object... values) {
        if (values.length != into.columns()) {
            throw new IllegalArgumentException(into.table() + " takes " + into.columns() + " values, not " + values.length);
        }
        inserts.computeIfAbsent(into, k -> new ArrayList<>()).add(values);
    }

    /** Adds an event to the outbox, committed with the rest of the work or not at all; returns its id (ce_id). */
    public UUID publish(OutgoingEvent event) {
        EventType type = EventType.ofPayload(event.payload().getClass())
                .orElseThrow(() -> new IllegalArgumentException(event.payload().getClass() + " is not an event contract"));
        String json = EventJson.write(event.payload());
        if (validateOutgoing) {
            EventSchemas.requireValid(type, json);
        }
        UUID id = Ids.next();
        outbox.add(new Object[] { id, event.topic(), event.key(), type.ceType(), source, event.subject(),
                OffsetDateTime.now(ZoneOffset.UTC), json, event.correlationId(), TraceContexts.capture(trace) });
        return id;
    }

    /** State shared by the items of one work (a batch), created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T local(Object key, Supplier<T> create) {
        return (T) locals.computeIfAbsent(key, k -> create.get());
    }

    /**
     * Runs once the work has committed, never if it rolls back: for what must count only what happened (a metric of
     * confirmed sales), not what was tried.
     */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** What happened is committed: an action that fails (a metric) must not turn the caller's success into an error. */
    void committed() {
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "an action after a commit failed");
            }
        }
    }

    boolean publishes() {
        return !outbox.isEmpty();
    }

    /**
     * Writes the kept inserts and the outbox rows in one statement: each table's insert is a data-modifying WITH
     * query of it, in the order the tables were first used. Foreign keys hold, as their checks run at the end of the
     * statement.
     */
    Uni<Void> flush() {
        Map<MultiRowInsert, List<Object[]>> writes = new LinkedHashMap<>(inserts);
        if (!outbox.isEmpty()) {
            writes.put(OUTBOX, outbox);
        }
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple parameters = Tuple.tuple();
        writes.forEach((into, rows) -> into.addParameters(parameters, rows));
        String sql = STATEMENTS.computeIfAbsent(List.copyOf(writes.keySet()), Work::statement);
        return connection.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }

    /** The statements of the combinations of tables seen so far (a handful per service). */
    private static final Map<List<MultiRowInsert>, String> STATEMENTS = new ConcurrentHashMap<>();

    private static String statement(List<MultiRowInsert> inserts) {
        StringBuilder sql = new StringBuilder();
        int next = 1;
        for (int n = 1; n <= inserts.size(); n++) {
            MultiRowInsert into = inserts.get(n - 1);
            String insert = into.sql(next);
            next += into.columns();
            if (n < inserts.size()) {
                sql.append(n == 1 ? "with " : ", ").append("w").append(n).append(" as (").append(insert).append(")\n");
            } else {
                sql.append(insert);
            }
        }
        return sql.toString();
    }
}
