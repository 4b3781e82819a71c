package org.partnerplatform.catalog.rest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.catalog.service.CatalogRevisions;
import org.partnerplatform.catalog.service.CatalogService.CatalogQuery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Catalog responses, serialised and tagged, keyed by everything that decides their bytes: the caller's
 * organisation, the day, the filters and the page. A partner reuses its token and asks for the same pages over and
 * over, while the catalog changes only when an admin, the organisation events or the price schedule change it; so
 * answering from memory spares the query (milliseconds for a partner with thousands of products), the JSON and the
 * digest. An entry is served only while no change to the scopes it depends on (the caller's agreements and status,
 * the products and status of the operators it has agreements with, {@link CatalogRevisions}) came after the revision
 * it was computed under; it is bounded by bytes and expires anyway after a while.
 */
@ApplicationScoped
public class CatalogResponseCache {
    private final boolean enabled;
    private final CatalogRevisions revisions;
    private final Cache<CatalogQuery, Entry> entries;

    public CatalogResponseCache(CatalogRevisions revisions,
            @ConfigProperty(name = "platform.catalog.cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "platform.catalog.cache.max-bytes", defaultValue = "67108864") long maxBytes,
            @ConfigProperty(name = "platform.catalog.cache.expire-after-write", defaultValue = "PT10M") Duration expireAfterWrite) {
        this.revisions = revisions;
        this.enabled = enabled;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                // The body dominates; the key, the tag and the entry add a few hundred bytes.
                .weigher((CatalogQuery key, Entry entry) -> entry.body().length + 400 + 40 * entry.dependsOn().size())
                .expireAfterWrite(expireAfterWrite)
                .build();
    }

    /** The response computed for this query under the revision known now, if there is one. */
    public Optional<Entry> current(CatalogQuery query) {
        if (!enabled) {
            return Optional.empty();
        }
        Entry entry = entries.getIfPresent(query);
        return entry != null && revisions.unchangedSince(entry.revision(), entry.dependsOn()) ? Optional.of(entry) : Optional.empty();
    }

    /** The revision to label a response with: read before the query runs, so that any later change retires it. */
    public long revisionBeforeQuery() {
        return revisions.known();
    }

    public void put(CatalogQuery query, Entry entry) {
        if (enabled && entry.revision() >= 0) {
            entries.put(query, entry);
        }
    }

    /** A response's bytes and tag, the revision it was computed under and the scopes of the catalog it depends on. */
    public record Entry(long revision, List<String> dependsOn, byte[] body, EntityTag tag) {
    }
}
