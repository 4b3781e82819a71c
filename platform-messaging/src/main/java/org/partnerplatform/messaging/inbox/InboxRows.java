package org.partnerplatform.messaging.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** The inbox for a batch: one statement records every event id and tells which ones are new. */
public final class InboxRows {
    private static final String RECORD = """
            insert into inbox (consumer, event_id) select $1, e from unnest($2::text[]) as e
            on conflict do nothing returning event_id""";

    private InboxRows() {
    }

    /** Records the ids as applied by the consumer in the work's transaction; returns those it had not seen before. */
    public static Uni<Set<String>> recordFirstDeliveries(Work work, String consumer, List<String> eventIds) {
        return work.sql().preparedQuery(RECORD).execute(Tuple.of(consumer, eventIds.toArray(new String[0]))).map(rows -> {
            Set<String> first = new HashSet<>();
            rows.forEach(row -> first.add(row.getString(0)));
            return first;
        });
    }
}
