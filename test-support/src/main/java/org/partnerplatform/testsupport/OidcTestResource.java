package org.partnerplatform.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points quarkus-oidc of the service under test at {@link TestOidcServer}. */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", TestOidcServer.get().issuer(),
                "platform.audience", TestOidcServer.AUDIENCE);
    }

    @Override
    public void stop() {
        // Shared by the JVM's test classes.
    }
}
