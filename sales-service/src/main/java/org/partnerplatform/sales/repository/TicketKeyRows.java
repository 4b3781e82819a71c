package org.partnerplatform.sales.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements of the ticket signing keys (table ticket_signing_key). */
public final class TicketKeyRows {
    public static final String NEXT = "NEXT";
    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    /** A stored key; the private key still sealed. */
    public record StoredKey(String kid, byte[] publicKey, byte[] privateKeyIv, byte[] privateKeyCiphertext, String kekFingerprint,
            String status, Instant createdAt, Instant activatedAt, Instant retiredAt, Instant publishedUntil) {
    }

    /** Changes to the keys are serialised by this transaction-scoped advisory lock (two-int form: "tick", "keys"). */
    private static final String LOCK = "select pg_advisory_xact_lock(1953064811, 1801812339)";
    private static final String INSERT = """
            insert into ticket_signing_key (kid, public_key, private_key_iv, private_key_ciphertext, kek_fingerprint, status, created_at,
                activated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)""";
    private static final String PUBLISHED = """
            select * from ticket_signing_key where status <> 'RETIRED' or published_until > $1 order by activated_at desc, kid""";
    private static final String CURRENT = "select * from ticket_signing_key where status <> 'RETIRED' order by activated_at desc, kid";
    private static final String ACTIVATE = "update ticket_signing_key set status = 'ACTIVE' where kid = $1";
    private static final String RETIRE = "update ticket_signing_key set status = 'RETIRED', retired_at = $2, published_until = $3 where kid = $1";

    private TicketKeyRows() {
    }

    public static Uni<Void> lock(SqlClient sql) {
        return sql.query(LOCK).execute().replaceWithVoid();
    }

    public static Uni<Void> insert(SqlClient sql, StoredKey k) {
        return sql.preparedQuery(INSERT).execute(Tuple.tuple(List.of(k.kid(), Buffer.buffer(k.publicKey()), Buffer.buffer(k.privateKeyIv()),
                Buffer.buffer(k.privateKeyCiphertext()), k.kekFingerprint(), k.status(), utc(k.createdAt()), utc(k.activatedAt())))).replaceWithVoid();
    }

    /** The keys published at {@code now}, newest activation first. */
    public static Uni<List<StoredKey>> published(SqlClient sql, Instant now) {
        return sql.preparedQuery(PUBLISHED).execute(Tuple.of(utc(now))).map(TicketKeyRows::keys);
    }

    /** The NEXT and ACTIVE keys, newest activation first. */
    public static Uni<List<StoredKey>> current(SqlClient sql) {
        return sql.preparedQuery(CURRENT).execute().map(TicketKeyRows::keys);
    }

    public static Uni<Void> activate(SqlClient sql, String kid) {
        return sql.preparedQuery(ACTIVATE).execute(Tuple.of(kid)).replaceWithVoid();
    }

    public static Uni<Void> retire(SqlClient sql, String kid, Instant retiredAt, Instant publishedUntil) {
        return sql.preparedQuery(RETIRE).execute(Tuple.of(kid, utc(retiredAt), utc(publishedUntil))).replaceWithVoid();
    }

    private static List<StoredKey> keys(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<StoredKey> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(new StoredKey(r.getString("kid"), r.getBuffer("public_key").getBytes(), r.getBuffer("private_key_iv").getBytes(),
                r.getBuffer("private_key_ciphertext").getBytes(), r.getString("kek_fingerprint"), r.getString("status"),
                instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("activated_at")),
                instant(r.getOffsetDateTime("retired_at")), instant(r.getOffsetDateTime("published_until")))));
        return keys;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
