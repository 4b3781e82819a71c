package org.partnerplatform.web.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code ET-Client-Name}: the name a partner gives the application that calls (the hub's convention,
 * {@code <organisation>-<application>}), recorded in log lines and metrics so that operators can tell one
 * partner's apps apart. The caller chooses it, so it is bounded: a plain token of at most 64 characters, and at most
 * {@code limit} distinct names per process in metrics (after that "other"), so that a caller cannot flood the
 * metrics store with series.
 */
public final class ClientNames {
    public static final String HEADER = "ET-Client-Name";
    public static final String MDC_KEY = "clientName";
    public static final String NONE = "none";
    public static final String INVALID = "invalid";
    public static final String OTHER = "other";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public ClientNames(int limit) {
        this.limit = limit;
    }

    /** The name for log lines: the header when plain, "invalid" when not, null when absent. */
    public static String forLog(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        return PLAIN.matcher(header).matches() ? header : INVALID;
    }

    /** The name as a metric tag: as for logs, "none" when absent, "other" beyond the limit of distinct names. */
    public String forMetric(String header) {
        String name = forLog(header);
        if (name == null) {
            return NONE;
        }
        if (name.equals(INVALID) || seen.contains(name)) {
            return name;
        }
        if (seen.size() >= limit) {
            return OTHER;
        }
        seen.add(name);
        return name;
    }
}
