package org.partnerplatform.tickets;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The disabled (refunded) tickets an inspector caches: the ticket ids of one or more pages of
 * {@code GET /v1/tickets/disabled}, saved as they came ({@code {"items":[{"ticketId":…},…],…}}), or a plain JSON
 * array of ids.
 */
public final class DisabledList {

    private DisabledList() {
    }

    public static Set<String> parse(String json) {
        String trimmed = json.trim();
        try {
            Object parsed = trimmed.startsWith("[") ? JsonUtil.parseJson("{\"items\":" + trimmed + "}").get("items")
                    : JsonUtil.parseJson(trimmed).get("items");
            if (!(parsed instanceof List<?> items)) {
                throw new IllegalArgumentException("a disabled list has an array of items");
            }
            Set<String> ids = new HashSet<>();
            for (Object item : items) {
                if (item instanceof String id) {
                    ids.add(id);
                } else if (item instanceof Map<?, ?> entry && entry.get("ticketId") instanceof String id) {
                    ids.add(id);
                } else {
                    throw new IllegalArgumentException("an item of a disabled list is a ticket id or has a ticketId");
                }
            }
            return ids;
        } catch (JoseException e) {
            throw new IllegalArgumentException("a disabled list is JSON: " + e.getMessage(), e);
        }
    }

    /** The union of several saved pages. */
    public static Set<String> union(Collection<String> pages) {
        Set<String> all = new HashSet<>();
        pages.forEach(page -> all.addAll(parse(page)));
        return all;
    }
}
