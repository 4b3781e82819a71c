package org.partnerplatform.messaging.tx;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.vertx.pgclient.PgException;

/** Recognises the database failures that are the caller's conflict rather than the service's fault. */
public final class PersistenceFailures {
    private static final String UNIQUE_VIOLATION = "23505";

    private PersistenceFailures() {
    }

    /** Another transaction changed the row since it was read (the @Version check at flush failed). */
    public static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** Another transaction inserted the same key first. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && UNIQUE_VIOLATION.equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
