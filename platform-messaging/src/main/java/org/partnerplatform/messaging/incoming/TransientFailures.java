package org.partnerplatform.messaging.incoming;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Failures of the infrastructure rather than of the record: the database or the broker is unreachable, restarting,
 * out of resources, or lost a race that a retry wins. Retrying such a failure later succeeds with the same record,
 * so it must never send a good record to the dead-letter topic, however long the outage lasts.
 */
public final class TransientFailures {
    /**
     * SQLSTATE classes and codes that say nothing about the record: 08 connection exception, 53 insufficient
     * resources, 57 operator intervention (a restart or failover: 57P01..57P03), 58 system error, 40001
     * serialization failure, 40P01 deadlock, 55P03 lock not available.
     */
    private static final Set<String> SQL_STATE_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DatabaseException database) {
                String state = database.getSqlState();
                return state != null && (SQL_STATES.contains(state) || state.length() == 5 && SQL_STATE_CLASSES.contains(state.substring(0, 2)));
            }
            if (cause instanceof ClosedConnectionException || cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof RetriableException || isConnectionFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Vert.x reports an unreachable server or a dropped connection with a bare message on a VertxException. */
    private static boolean isConnectionFailure(Throwable cause) {
        String message = cause.getMessage();
        return cause instanceof io.vertx.core.VertxException && message != null
                && (message.startsWith("Connection refused") || message.equals("Connection closed") || message.equals("Timeout")
                        || message.startsWith("Connection reset"));
    }
}
