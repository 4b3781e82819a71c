package org.partnerplatform.messaging.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a relay round does with each row it sent, given the outcomes in position order: a row the broker took is
 * deleted, unless an earlier row of its (topic, key) failed in the same round; a failed row is postponed; a row
 * behind a failed one stays as it is, sent or not, so that the key's rows reach their topic again in order once the
 * failed one goes out (a repeat, which consumers skip, rather than a reordering).
 */
final class KeyOrder {
    private final List<Long> sent = new ArrayList<>();
    private final List<OutboxRow> failed = new ArrayList<>();
    private final Map<OutboxRow, String> failures = new HashMap<>();
    private final Set<String> heldKeys = new HashSet<>();

    /** Records one row's outcome; rows must come in position order. */
    void outcome(OutboxRow row, Throwable failure) {
        String key = row.orderKey();
        if (heldKeys.contains(key)) {
            return;
        }
        if (failure == null) {
            sent.add(row.position());
            return;
        }
        heldKeys.add(key);
        failed.add(row);
        String error = failure.toString();
        failures.put(row, error.length() > 1000 ? error.substring(0, 1000) : error);
    }

    /** Positions to delete: published, with no failed row of their key before them. */
    List<Long> sent() {
        return sent;
    }

    /** Rows to postpone: the first failed row of each key. */
    List<OutboxRow> failed() {
        return failed;
    }

    String failureOf(OutboxRow row) {
        return failures.get(row);
    }
}
