package org.partnerplatform.sales.service;

import java.util.HashMap;
import java.util.Map;

import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.sales.repository.IdempotencyRecord;

/**
 * The idempotency keys one work (a Kafka batch, which spans partners) has used, and what for: a key's record is written
 * when the batch is, so a sale and a refund under one key in one batch must be told apart here, or the batch's
 * flush would fail on the key for every partner in it.
 */
final class BatchKeys {
    enum Use {
        SALE, REFUND
    }

    private static final Object KEYS = new Object();

    private BatchKeys() {
    }

    /** Claims the partner's key for this use in the work; false when the work already used it for the other. */
    static boolean claim(Work work, IdempotencyRecord.Key key, Use use) {
        Map<IdempotencyRecord.Key, Use> keys = work.local(KEYS, HashMap::new);
        Use earlier = keys.putIfAbsent(key, use);
        return earlier == null || earlier == use;
    }
}
