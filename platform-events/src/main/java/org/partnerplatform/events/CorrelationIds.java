package org.partnerplatform.events;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request or event ({@code X-Correlation-Id} on HTTP and on Kafka records): the caller's when
 * it is a plain token (so that it can go into log lines, events and headers as it is), else a new one. Never the
 * caller's text when that text could forge a log line or carry a secret's length of data.
 */
public final class CorrelationIds {
    public static final String HEADER = "X-Correlation-Id";
    /** The MDC key every log line carries it under. */
    public static final String MDC_KEY = "correlationId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private CorrelationIds() {
    }

    /** The id when it is a plain token, else null: for ids read from events, which are not replaced by a new one. */
    public static String plainOrNull(String offered) {
        return offered != null && PLAIN.matcher(offered).matches() ? offered : null;
    }

    /** The caller's id when acceptable, else a new random one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && PLAIN.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
