package org.partnerplatform.token.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.partnerplatform.web.Caller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.token")
public interface TokenConfig {

    /** The iss of every token; default https://partner.&lt;environment&gt;.&lt;domain&gt;/ (see {@link IssuerSettings}). */
    Optional<String> issuer();

    /** The aud of every token and the only audience a client may ask for; default https://api.&lt;environment&gt;.&lt;domain&gt;. */
    Optional<String> audience();

    /** How long an access token lives; partners are told to cache tokens for this long. */
    @WithDefault("PT24H")
    Duration lifetime();

    /** The claim that carries the client's organisation id, as a number. The hub's name by default. */
    @WithDefault(Caller.DEFAULT_ORGANISATION_CLAIM)
    String organisationClaim();

    /**
     * Base64 of 32 random bytes: the AES-256 key that encrypts signing keys at rest. No default on purpose: the
     * service does not start without one, and only the dev and test profiles commit a (dev-only) value.
     */
    String keyEncryptionKey();

    /** Clock skew tolerated when this service verifies tokens presented to its own admin API. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /**
     * How long a replica keeps a client it has read in memory at most. Changes end entries at once (change
     * notifications); this only bounds the damage should a change ever bypass them.
     */
    @WithDefault("PT60S")
    Duration clientCacheMaxAge();

    /** How often the registry's change listener checks, with a heartbeat through PostgreSQL, that it still hears. */
    @WithDefault("PT1S")
    Duration registryHeartbeat();

    /** The grace period of a rotated secret unless the rotation asks for another: none, so the old secret stops at once. */
    @WithDefault("PT0S")
    Duration secretRotationGrace();

    /** The longest grace period a rotation may ask for. */
    @WithDefault("P7D")
    Duration secretRotationMaxGrace();

    /**
     * How many clients each replica keeps in memory: in the client registry (the client and its organisation) and in
     * the verified-secret cache (an HMAC per client and secret version). Beyond it a cache starts over.
     */
    @WithDefault("100000")
    int clientCacheSize();

    /** The slow secret checks (PBKDF2) that run when a secret is not in the verified-secret cache. */
    Kdf kdf();

    /** Slowing down repeated failed client authentications of one client id. */
    Throttle throttle();

    /** Whether this service rotates its signing key on schedule (every replica may; one does each rotation). */
    @WithDefault("true")
    boolean keyRotationEnabled();

    /** How long a key signs before the next one takes over. */
    @WithDefault("P30D")
    Duration keyRotationPeriod();

    /**
     * How long a new key is published before it signs, so that every replica and every resource server has it
     * before the first token it signs arrives. At least four reload intervals.
     */
    @WithDefault("PT15M")
    Duration keyPublishAhead();

    /** How often every replica rereads the key table (and the one holding the lock advances a rotation). */
    @WithDefault("PT30S")
    Duration keyReloadInterval();

    /** Persons: their invitations, sign-in and tokens. */
    Persons persons();

    /**
     * The web application that signs persons in through this service: the partner portal. Configured, not registered
     * through the API: it belongs to whoever runs the platform. Absent: no person can sign in.
     */
    Optional<WebClient> portal();

    /** Every partner's topics, created at its registration (and checked again on a schedule). */
    PartnerTopicsConfig partnerTopics();

    interface PartnerTopicsConfig {
        /** Off where topics are declared by other means only (Strimzi KafkaTopics applied by hand or GitOps). */
        @WithDefault("true")
        boolean create();

        /** The broker's default replication factor unless set (a cluster's is 3). */
        Optional<Short> replicationFactor();

        /** min.insync.replicas of the partner topics; the broker's default unless set (a cluster's is 2). */
        Optional<Integer> minInsyncReplicas();

        /** How often every partner's topics are checked and the missing ones created (a broker that was down at a registration). */
        @WithDefault("PT5M")
        Duration reconcileInterval();

        /** How long a registration waits for its topics before it answers anyway (the check on schedule finishes the job). */
        @WithDefault("PT10S")
        Duration registrationWait();

        /** The Strimzi Kafka cluster named in the resources rendered for a partner. */
        @WithDefault("platform-kafka")
        String strimziCluster();
    }

    interface Persons {
        /** How long an invitation's link may be used. */
        @WithDefault("P3D")
        Duration invitationLifetime();

        /** How long a person's access token lives: short, since a person's session in the portal renews it. */
        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** How long an authorization code may be exchanged (RFC 6749 §4.1.2: short; ten minutes at most). */
        @WithDefault("PT60S")
        Duration codeLifetime();

        /** Failed sign-ins of one e-mail address (known or not): free ones, then a doubling delay. */
        Throttle throttle();

        /** Wrong codes after the right password, in a row, that lock a person's second factor until their sign-in is reset. */
        @WithDefault("10")
        int maxCodeFailures();
    }

    interface WebClient {
        @WithDefault("partner-portal")
        String clientId();

        /** Its client secret; only dev and test commit one (dev-only-..., refused in PRODUCTION). */
        String secret();

        /** Where a sign-in may return to: compared exactly (RFC 9700 §2.1). */
        List<String> redirectUris();

        /** Where a sign-out may return to. */
        Optional<List<String>> postLogoutRedirectUris();
    }

    interface Kdf {
        /** Threads that run PBKDF2 checks; default the number of processors. */
        OptionalInt threads();

        /** Checks waiting for a thread beyond which a request is answered 503 temporarily_unavailable. */
        @WithDefault("128")
        int queue();
    }

    interface Throttle {
        /** Failures of one client id that cost nothing; each one after that doubles the delay. */
        @WithDefault("5")
        int freeFailures();

        /** The delay after the first failure beyond the free ones. */
        @WithDefault("PT1S")
        Duration baseDelay();

        /** The longest delay, however many failures: what an attacker can impose on a client at most per attempt. */
        @WithDefault("PT30S")
        Duration maxDelay();

        /** A client id without a failure for this long starts over. */
        @WithDefault("PT15M")
        Duration forgetAfter();

        /** Client ids tracked per replica; beyond it, those whose delay has passed are dropped first. */
        @WithDefault("100000")
        int maxTracked();
    }
}
