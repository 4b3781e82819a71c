package org.partnerplatform.sales.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of tickets for inspection: one ticket with its operator, and the disabled list in the order of disabling. */
public final class TicketReads {
    /** A disabled ticket as the disabled list shows it. */
    public record Disabled(UUID ticketId, UUID orderId, Instant disabledAt, Instant validTo) {
    }

    /** A ticket's status and the operator whose ticket it is. */
    public record Inspected(UUID ticketId, String status, long operatorOrganisationId) {
    }

    private static final String DISABLED = """
            select t.id, t.order_id, t.disabled_at, t.valid_to from ticket t join sales_order o on o.id = t.order_id
             where t.status = 'DISABLED' and (t.disabled_at, t.id) > ($1, $2)
               and t.disabled_at < (select least($6, min(a.xact_start)) from pg_stat_activity a
                                     where a.datname = current_database() and a.pid <> pg_backend_pid() and a.xact_start is not null)
               and ($3::bigint is null or o.operator_organisation_id = $3) and (t.valid_to is null or t.valid_to > $4)
             order by t.disabled_at, t.id limit $5""";
    private static final String INSPECTED = """
            select t.id, t.status, o.operator_organisation_id from ticket t join sales_order o on o.id = t.order_id where t.id = $1""";

    /** A ticket's stored signed form and the key that signed it. */
    public record Signed(String kid, String signed) {
    }

    /** A concurrent first signing waits for the row and then keeps the signed form stored first (both verify). */
    private static final String STORE_SIGNED = """
            update ticket set signed = coalesce(signed, $3), signing_key_id = case when signed is null then $2 else signing_key_id end
             where id = $1 returning signing_key_id, signed""";

    private TicketReads() {
    }

    /** Stores a ticket's signed form unless it has one; answers the one it has now. */
    public static Uni<Signed> storeSigned(SqlClient sql, UUID ticketId, String kid, String signed) {
        return sql.preparedQuery(STORE_SIGNED).execute(Tuple.of(ticketId, kid, signed))
                .map(rows -> new Signed(rows.iterator().next().getString(0), rows.iterator().next().getString(1)));
    }

    /**
     * Disabled tickets after (disabledAt, ticketId), oldest first, of one operator (null: all), leaving out those whose
     * validity ended before {@code validAfter} (no inspector needs them). The page ends before {@code until} and before
     * the start of the oldest transaction still running in this database: a refund sets its tickets' disabledAt after
     * its transaction began, so no transaction still running can add a row behind the page's last cursor.
     */
    public static Uni<List<Disabled>> disabledAfter(SqlClient sql, Instant since, UUID after, Instant until, Long operator, Instant validAfter,
            int limit) {
        return sql.preparedQuery(DISABLED).execute(Tuple.tuple(java.util.Arrays.asList(utc(since), after, operator, utc(validAfter), limit,
                utc(until))))
                .map(rows -> {
                    List<Disabled> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Disabled(r.getUUID(0), r.getUUID(1), instant(r.getOffsetDateTime(2)), instant(r.getOffsetDateTime(3)))));
                    return list;
                });
    }

    public static Uni<Optional<Inspected>> inspected(SqlClient sql, UUID ticketId) {
        return sql.preparedQuery(INSPECTED).execute(Tuple.of(ticketId)).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(new Inspected(rows.iterator().next().getUUID(0), rows.iterator().next().getString(1), rows.iterator().next().getLong(2))));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
