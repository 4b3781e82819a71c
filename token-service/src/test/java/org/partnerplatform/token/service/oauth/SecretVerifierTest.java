package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Environment;
import org.partnerplatform.token.repository.Certification;
import org.partnerplatform.token.repository.ClientGrantRecord;
import org.partnerplatform.token.repository.ClientStatus;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.service.ClientSecrets;

import io.smallrye.mutiny.Uni;

/** The pool that runs PBKDF2 for uncached secrets: which secret matched, sharing, and its bound. */
class SecretVerifierTest {
    final ClientSecrets secrets = new ClientSecrets();

    @Test
    void tellsTheCurrentFromThePreviousSecretAndAnUnknownClientFromNothing() {
        SecretVerifier verifier = new SecretVerifier(secrets, 2, 10);
        ClientGrantRecord client = client(secrets.hashBlocking("current"), secrets.hashBlocking("previous"));
        assertThat(verify(verifier, "current", client, true)).isEqualTo(SecretVerifier.Match.CURRENT);
        assertThat(verify(verifier, "previous", client, true)).isEqualTo(SecretVerifier.Match.PREVIOUS);
        // The grace period over: the previous secret is not even checked.
        assertThat(verify(verifier, "previous", client, false)).isEqualTo(SecretVerifier.Match.NONE);
        assertThat(verify(verifier, "wrong", client, true)).isEqualTo(SecretVerifier.Match.NONE);
        assertThat(verify(verifier, "anything", null, false)).isEqualTo(SecretVerifier.Match.NONE);
    }

    @Test
    void beyondItsQueueItAnswersTemporarilyUnavailableAtOnce() {
        SecretVerifier verifier = new SecretVerifier(secrets, 1, 1);
        ClientGrantRecord client = client(secrets.hashBlocking("current"), null);
        Uni<SecretVerifier.Match> running = verifier.verify("c", "a", new byte[] { 1 }, client, false);
        Uni<SecretVerifier.Match> queued = verifier.verify("c", "b", new byte[] { 2 }, client, false);
        // Identical to the running one: shares it instead of taking the last place.
        Uni<SecretVerifier.Match> shared = verifier.verify("c", "a", new byte[] { 1 }, client, false);
        assertThatThrownBy(() -> verifier.verify("c", "c", new byte[] { 3 }, client, false).await().indefinitely())
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("temporarily_unavailable");
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        assertThat(running.await().indefinitely()).isEqualTo(SecretVerifier.Match.NONE);
        assertThat(shared.await().indefinitely()).isEqualTo(SecretVerifier.Match.NONE);
        assertThat(queued.await().indefinitely()).isEqualTo(SecretVerifier.Match.NONE);
        verifier.stop();
    }

    private static SecretVerifier.Match verify(SecretVerifier verifier, String secret, ClientGrantRecord client, boolean previousValid) {
        return verifier.verify("c", secret, new VerifiedSecretCache(10).mac("c", secret), client, previousValid).await().indefinitely();
    }

    private static ClientGrantRecord client(String hash, String previousHash) {
        return new ClientGrantRecord("c", 2, Set.of(Role.PARTNER), Environment.STAGING, ClientStatus.ACTIVE, 2, hash, previousHash,
                null, OrganisationStatus.ACTIVE, Certification.NOT_CERTIFIED);
    }
}
