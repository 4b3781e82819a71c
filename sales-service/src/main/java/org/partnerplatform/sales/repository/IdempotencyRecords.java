package org.partnerplatform.sales.repository;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partnerplatform.messaging.tx.MultiRowInsert;
import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The first outcomes of partners' idempotency keys (sales, reservations, refunds): one lookup and one insert per batch. */
public final class IdempotencyRecords {
    private static final MultiRowInsert INSERT = MultiRowInsert.into("idempotency_record")
            .column("organisation_id", "bigint").column("idempotency_key", "text").column("request_hash", "text").column("outcome", "text")
            .column("order_id", "uuid").column("error_code", "text").column("error_detail", "text").column("created_at", "timestamptz")
            .column("credit_id", "uuid")
            .build();
    private static final String FIND = """
            select organisation_id, idempotency_key, request_hash, outcome, order_id, error_code, error_detail, created_at, credit_id
              from idempotency_record
             where (organisation_id, idempotency_key) in (select * from unnest($1::bigint[], $2::text[]))""";

    private IdempotencyRecords() {
    }

    /** The stored records of the keys, by {@link IdempotencyRecord.Key}. */
    public static Uni<Map<IdempotencyRecord.Key, IdempotencyRecord>> find(Work work, List<IdempotencyRecord.Key> keys) {
        Long[] organisations = keys.stream().map(k -> k.organisationId).toArray(Long[]::new);
        String[] idempotencyKeys = keys.stream().map(k -> k.idempotencyKey).toArray(String[]::new);
        return work.sql().preparedQuery(FIND).execute(Tuple.of(organisations, idempotencyKeys)).map(rows -> {
            Map<IdempotencyRecord.Key, IdempotencyRecord> found = new HashMap<>();
            for (Row r : rows) {
                IdempotencyRecord record = new IdempotencyRecord();
                record.organisationId = r.getLong(0);
                record.idempotencyKey = r.getString(1);
                record.requestHash = r.getString(2);
                record.outcome = r.getString(3);
                record.orderId = r.getUUID(4);
                record.errorCode = r.getString(5);
                record.errorDetail = r.getString(6);
                record.createdAt = r.getOffsetDateTime(7).toInstant();
                record.creditId = r.getUUID(8);
                found.put(new IdempotencyRecord.Key(record.organisationId, record.idempotencyKey), record);
            }
            return found;
        });
    }

    /** Deletes the key's stored rejection (written before rejections stopped being final), so that it can be decided afresh. */
    public static Uni<Void> forget(Work work, IdempotencyRecord.Key key) {
        return work.sql().preparedQuery("delete from idempotency_record where organisation_id = $1 and idempotency_key = $2 and order_id is null")
                .execute(Tuple.of(key.organisationId, key.idempotencyKey)).replaceWithVoid();
    }

    public static void insert(Work work, IdempotencyRecord r) {
        work.insert(INSERT, r.organisationId, r.idempotencyKey, r.requestHash, r.outcome, r.orderId, r.errorCode, r.errorDetail,
                r.createdAt.atOffset(ZoneOffset.UTC), r.creditId);
    }
}
