package org.partnerplatform.token.config;

import java.time.Duration;
import java.util.Optional;

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
     * How long the admin API trusts a client's looked-up status (active or revoked). A revocation on this replica
     * takes effect at once; on another replica within this time.
     */
    @WithDefault("PT5S")
    Duration clientStatusCacheTtl();
}
