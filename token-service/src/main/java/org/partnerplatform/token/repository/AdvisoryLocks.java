package org.partnerplatform.token.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL transaction-scoped advisory locks, for start-up work that several replicas may attempt at once:
 * the second replica waits, then finds the work done. Released by the transaction's commit or rollback.
 */
public final class AdvisoryLocks {
    /** Creating the first signing key and rotating keys. */
    public static final long SIGNING_KEYS = 0x746f6b656e4b6579L;
    /** Creating the platform organisation and its first admin client. */
    public static final long BOOTSTRAP = 0x626f6f7473747261L;

    private AdvisoryLocks() {
    }

    /** Waits for the lock; must run inside a transaction. */
    public static Uni<Void> lockForTransaction(long key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
                .setParameter("key", key)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Takes the lock if no one holds it, without waiting: for periodic work that another replica may be doing now. */
    public static Uni<Boolean> tryLockForTransaction(long key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", key)
                .getSingleResult());
    }
}
