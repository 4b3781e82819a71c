package org.partnerplatform.events;

import java.util.regex.Pattern;

/**
 * Topic names, in one place. docs/architecture.md carries the same table for readers.
 * Per-partner topics carry the organisation id so that a cluster can grant each partner prefixed ACLs
 * on its own request and result topics.
 */
public final class Topics {
    public static final String ORGANISATION_EVENTS = "token.organisation-events";
    public static final String CLIENT_EVENTS = "token.client-events";
    public static final String CATALOG_PRODUCTS = "catalog.products";
    public static final String CATALOG_AGREEMENTS = "catalog.agreements";
    public static final String SALES_ORDER_EVENTS = "sales.order-events";
    /** Compacted, key ticket id: every disabled (refunded) ticket, for operators' systems and inspectors. */
    public static final String SALES_DISABLED_TICKETS = "sales.disabled-tickets";
    public static final String SETTLEMENT_EVENTS = "settlement.events";

    public static final String SALES_REQUESTS_PREFIX = "sales.requests.";
    public static final String SALES_RESULTS_PREFIX = "sales.results.";
    public static final String CATALOG_NOTIFICATIONS_PREFIX = "catalog.notifications.";
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Matches partner request topics and only them (not their dead-letter topics). */
    public static final String SALES_REQUESTS_PATTERN = "sales\\.requests\\.[0-9]+";

    private static final Pattern SALES_REQUESTS = Pattern.compile(SALES_REQUESTS_PATTERN);

    private Topics() {
    }

    public static String salesRequests(long organisationId) {
        return SALES_REQUESTS_PREFIX + organisationId;
    }

    public static String salesResults(long organisationId) {
        return SALES_RESULTS_PREFIX + organisationId;
    }

    public static String catalogNotifications(long organisationId) {
        return CATALOG_NOTIFICATIONS_PREFIX + organisationId;
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The organisation whose request topic this is, or -1 when the topic is not a partner request topic. */
    public static long organisationOfRequestTopic(String topic) {
        if (topic == null || !SALES_REQUESTS.matcher(topic).matches()) {
            return -1;
        }
        return Long.parseLong(topic.substring(SALES_REQUESTS_PREFIX.length()));
    }
}
