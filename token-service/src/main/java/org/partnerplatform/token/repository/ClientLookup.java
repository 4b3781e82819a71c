package org.partnerplatform.token.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.events.Environment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A client and its organisation by primary key, in one prepared statement on the reactive pool (no Hibernate
 * session): what a grant needs to know. Called through {@link ClientRegistry}, which keeps the answers in memory
 * while change notifications arrive, and calls this on every grant while they do not.
 */
@ApplicationScoped
public class ClientLookup {
    private static final String QUERY = """
            select c.organisation_id, c.roles, c.environment, c.status, c.secret_version, c.secret_hash,
                   c.previous_secret_hash, c.previous_secret_valid_until, o.status, o.certification
              from client c join organisation o on o.organisation_id = c.organisation_id
             where c.client_id = $1""";
    private static final RolesConverter ROLES = new RolesConverter();

    private final Pool pool;

    public ClientLookup(Pool pool) {
        this.pool = pool;
    }

    /** The client, or null when there is none with this id. */
    public Uni<ClientGrantRecord> byId(String clientId) {
        return pool.preparedQuery(QUERY).execute(Tuple.of(clientId)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            return iterator.hasNext() ? toRecord(clientId, iterator.next()) : null;
        });
    }

    private static ClientGrantRecord toRecord(String clientId, Row row) {
        return new ClientGrantRecord(clientId,
                row.getLong(0),
                ROLES.convertToEntityAttribute(row.getString(1)),
                Environment.valueOf(row.getString(2)),
                ClientStatus.valueOf(row.getString(3)),
                row.getInteger(4),
                row.getString(5),
                row.getString(6),
                row.getOffsetDateTime(7) == null ? null : row.getOffsetDateTime(7).toInstant(),
                OrganisationStatus.valueOf(row.getString(8)),
                Certification.valueOf(row.getString(9)));
    }
}
