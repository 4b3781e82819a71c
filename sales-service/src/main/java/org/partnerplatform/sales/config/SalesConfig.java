package org.partnerplatform.sales.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.sales")
public interface SalesConfig {

    /** How long a reserved draft waits for its confirmation before it expires. */
    @WithDefault("PT30M")
    Duration draftLifetime();

    /** How often every replica sweeps for drafts due to expire (a Quarkus scheduler period, such as 30s). */
    @WithDefault("30s")
    String expirySweepEvery();

    /** The most drafts one sweep of the expiry job expires in one transaction. */
    @WithDefault("500")
    int expirySweepBatch();

    /** How long after a day's end its totals are published (SalesDayTotals), so that its last confirmations commit first. */
    @WithDefault("PT5M")
    Duration dayTotalsGrace();

    /** How often the day totals publisher runs ("off" where tests publish by hand). */
    @WithDefault("5m")
    String dayTotalsEvery();

    /** Whether this service creates the compacted topic of disabled tickets itself (dev, test, the embedded platform). */
    @WithDefault("false")
    boolean createTopics();

    Tickets tickets();

    /** Signed tickets and their keys (docs/tickets.md). */
    interface Tickets {
        /** The issuer named in every ticket; default https://sales.<environment>.<platform.domain>/. */
        Optional<String> issuer();

        /** AES-256 key (base64) under which the ticket signing keys are stored; the committed dev value is refused in PRODUCTION. */
        String keyEncryptionKey();

        /** How long a new key is published before it signs: inspectors must have synced their JWKS within this time. */
        @WithDefault("P2D")
        Duration keyPublishAhead();

        /** How often every replica rereads the keys (and one advances the rotation); at most a quarter of the publish-ahead time. */
        @WithDefault("10m")
        String keyReloadEvery();

        /** How often the signing key is replaced on schedule. */
        @WithDefault("P90D")
        Duration keyRotationPeriod();

        /**
         * How long a retired key stays published: as long as a ticket it signed can still be valid (a validity of at
         * most P31D, starting at most 90 days after the sale) and a day more.
         */
        @WithDefault("P122D")
        Duration keyPublishedAfterRetirement();

        /** How far behind now the disabled list ends: longer than a refund's transaction takes to commit, so no sync skips one. */
        @WithDefault("PT10S")
        Duration disabledListLag();
    }
}
