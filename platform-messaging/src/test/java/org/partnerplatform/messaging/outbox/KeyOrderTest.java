package org.partnerplatform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** What a relay round keeps, deletes and postpones, from the outcomes of its sends in position order. */
class KeyOrderTest {

    @Test
    void everyRowTheBrokerTookIsDeleted() {
        KeyOrder order = new KeyOrder();
        order.outcome(row(1, "a"), null);
        order.outcome(row(2, "a"), null);
        order.outcome(row(3, "b"), null);
        assertThat(order.sent()).containsExactly(1L, 2L, 3L);
        assertThat(order.failed()).isEmpty();
    }

    @Test
    void aRefusedRowIsPostponedAndTheLaterRowsOfItsKeyStayEvenIfSentWhileOtherKeysGoOn() {
        KeyOrder order = new KeyOrder();
        order.outcome(row(1, "a"), null);
        order.outcome(row(2, "a"), new RecordTooLargeException("too large"));
        order.outcome(row(3, "b"), null);
        order.outcome(row(4, "a"), null);
        order.outcome(row(5, "a"), new RecordTooLargeException("too large as well"));
        order.outcome(row(6, "b"), null);

        assertThat(order.sent()).containsExactly(1L, 3L, 6L);
        assertThat(order.failed()).extracting(OutboxRow::position).containsExactly(2L);
        assertThat(order.failureOf(order.failed().get(0))).contains("RecordTooLargeException").contains("too large");
    }

    @Test
    void theSameKeyOnAnotherTopicIsAnotherOrder() {
        KeyOrder order = new KeyOrder();
        order.outcome(new OutboxRow(1, "e1", "t1", "k", "type", "/s", null, OffsetDateTime.now(), "{}", null, null), new IllegalStateException("refused"));
        order.outcome(new OutboxRow(2, "e2", "t2", "k", "type", "/s", null, OffsetDateTime.now(), "{}", null, null), null);
        assertThat(order.sent()).containsExactly(2L);
    }

    @Test
    void aLongFailureIsCutForTheErrorColumn() {
        KeyOrder order = new KeyOrder();
        order.outcome(row(1, "a"), new IllegalStateException("x".repeat(5000)));
        assertThat(order.failureOf(order.failed().get(0))).hasSize(1000);
    }

    private static OutboxRow row(long position, String key) {
        return new OutboxRow(position, "e" + position, "topic", key, "type", "/s", null, OffsetDateTime.now(), "{}", null, null);
    }
}
