package org.partnerplatform.token.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The first platform admin client, created at start-up when configured and missing. Nothing that would work in
 * production is committed: the secret comes from the environment or from a mounted (Kubernetes) secret file.
 */
@ConfigMapping(prefix = "platform.bootstrap")
public interface BootstrapConfig {

    Optional<String> adminClientId();

    Optional<String> adminClientSecret();

    /** A file holding the secret (trailing whitespace ignored); used when admin-client-secret is not set. */
    Optional<Path> adminClientSecretFile();
}
