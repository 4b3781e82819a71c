package org.partnerplatform.token.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class SecretHasherTest {
    /** Cheap iterations for most checks; the cost is a parameter of the stored form, not of the checks. */
    final SecretHasher cheap = new SecretHasher(1_000, new SecureRandom());

    @Test
    void theStoredFormNamesAlgorithmIterationsSaltAndHash() {
        String secret = RandomValues.secret();
        String stored = new SecretHasher().hash(secret);
        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("600000");
        assertThat(java.util.Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(stored).doesNotContain(secret);
    }

    @Test
    void verifiesTheRightSecretOnlyWhateverTheSalt() {
        String secret = RandomValues.secret();
        String first = cheap.hash(secret);
        String second = cheap.hash(secret);
        assertThat(first).isNotEqualTo(second);
        assertThat(cheap.verify(secret, first)).isTrue();
        assertThat(cheap.verify(secret, second)).isTrue();
        assertThat(cheap.verify(secret + "x", first)).isFalse();
        assertThat(cheap.verify("", first)).isFalse();
    }

    @Test
    void readsTheIterationsFromTheStoredFormSoThatTheCostCanChange() {
        String secret = "s3cret";
        String stored = new SecretHasher(2_000, new SecureRandom()).hash(secret);
        assertThat(cheap.verify(secret, stored)).isTrue();
    }

    @Test
    void refusesStoredValuesItCannotRead() {
        assertThat(cheap.verify("x", null)).isFalse();
        assertThat(cheap.verify("x", "")).isFalse();
        assertThat(cheap.verify("x", "bcrypt$10$abc$def")).isFalse();
        assertThat(cheap.verify("x", "pbkdf2-sha256$notanumber$AAAA$AAAA")).isFalse();
        assertThat(cheap.verify("x", "pbkdf2-sha256$1000$!!!$AAAA")).isFalse();
        assertThat(cheap.verify("x", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
    }

    @Test
    void secretsAndIdentifiersAreLongRandomAndUrlSafe() {
        assertThat(RandomValues.secret()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(RandomValues.secret());
        assertThat(RandomValues.identifier()).matches("[A-Za-z0-9]{22}").isNotEqualTo(RandomValues.identifier());
    }
}
