package org.partnerplatform.messaging.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.messaging")
public interface MessagingConfig {

    /** CloudEvents source (ce_source) of every event this service publishes. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** Check every outgoing event against its JSON Schema before it is stored (on in dev and test). */
    @WithDefault("false")
    boolean validateOutgoing();

    Relay relay();

    Incoming incoming();

    interface Relay {
        /** Whether this replica relays the outbox; several replicas may, safely. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between polls when nothing was committed here; a full round is followed at once by the next. */
        @WithDefault("PT0.05S")
        Duration interval();

        /**
         * How soon after a round a commit in this process brings the next: a little later than at once, so that a
         * round carries the rows of many small commits (REST sales) rather than one each.
         */
        @WithDefault("PT0.005S")
        Duration linger();

        /** Rows per round: sent at once, deleted with one statement. */
        @WithDefault("500")
        int batchSize();
    }

    interface Incoming {
        /** Attempts at a record that fails for a reason other than its content, before it goes to the dead-letter topic. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * How long the broker may wait for 64 KB before it answers a fetch of a batch channel (its fetch.max.wait.ms
         * refers here): longer makes bigger batches at a moderate rate, at most this much later.
         */
        @WithDefault("25")
        int batchWaitMs();
    }
}
