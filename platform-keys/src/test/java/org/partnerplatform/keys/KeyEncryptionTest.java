package org.partnerplatform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyEncryptionTest {
    static final byte[] PLAINTEXT = "a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsWithAFreshIvEachTime() {
        KeyEncryption kek = KeyEncryption.of(random(32));
        KeyEncryption.Sealed first = kek.encrypt(PLAINTEXT, "kid-1");
        KeyEncryption.Sealed second = kek.encrypt(PLAINTEXT, "kid-1");
        assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(kek.decrypt(first, "kid-1")).isEqualTo(PLAINTEXT);
    }

    @Test
    void theKidIsBoundToTheCiphertext() {
        KeyEncryption kek = KeyEncryption.of(random(32));
        KeyEncryption.Sealed sealed = kek.encrypt(PLAINTEXT, "kid-1");
        assertThatThrownBy(() -> kek.decrypt(sealed, "kid-2")).isInstanceOf(IllegalStateException.class).hasMessageContaining("kid-2");
    }

    @Test
    void anotherKeyEncryptionKeyCannotDecryptAndHasAnotherFingerprint() {
        KeyEncryption kek = KeyEncryption.of(random(32));
        KeyEncryption other = KeyEncryption.of(random(32));
        assertThat(kek.fingerprint()).hasSize(16).isNotEqualTo(other.fingerprint());
        assertThatThrownBy(() -> other.decrypt(kek.encrypt(PLAINTEXT, "k"), "k")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theConfiguredValueMustBeBase64Of32BytesAndIsNeverEchoed() {
        assertThatThrownBy(() -> KeyEncryption.fromBase64("not base64!", "platform.token.key-encryption-key")).hasMessageContaining("platform.token.key-encryption-key")
                .hasMessageNotContaining("not base64!");
        String short16 = Base64.getEncoder().encodeToString(random(16));
        assertThatThrownBy(() -> KeyEncryption.fromBase64(short16, "platform.token.key-encryption-key")).hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
    }

    @Test
    void recognisesTheCommittedDevOnlyKey() {
        assertThat(KeyEncryption.fromBase64("ZGV2LW9ubHkta2VrLW5ldmVyLXVzZS1pbi1wcm9kISE=", "platform.token.key-encryption-key").isDevOnly()).isTrue();
        assertThat(KeyEncryption.of(random(32)).isDevOnly()).isFalse();
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
