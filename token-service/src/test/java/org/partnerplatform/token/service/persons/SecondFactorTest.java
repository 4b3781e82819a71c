package org.partnerplatform.token.service.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerplatform.keys.KeyEncryption;

class SecondFactorTest {
    static final String EMAIL = "kari@partner.example";
    final SecondFactor factor = new SecondFactor(KeyEncryption.of(new byte[32]));
    /** RFC 6238 Appendix B: the SHA-1 seed, and its codes (the last six of eight digits). */
    final KeyEncryption.Sealed rfc = factor.seal("12345678901234567890".getBytes(StandardCharsets.US_ASCII), EMAIL);

    @Test
    void codesAreTheRfcsAndAcceptedForTheStepBeforeAndAfter() {
        Instant t59 = Instant.ofEpochSecond(59);
        assertThat(factor.accepted(rfc, EMAIL, "287082", 0, t59)).isEqualTo(1);
        assertThat(factor.accepted(rfc, EMAIL, "287 082", 0, t59)).isEqualTo(1);
        Instant t1111111109 = Instant.ofEpochSecond(1111111109);
        assertThat(factor.accepted(rfc, EMAIL, "081804", 0, t1111111109)).isEqualTo(1111111109 / 30);
        // 30 s either side still counts; 60 s does not.
        assertThat(factor.accepted(rfc, EMAIL, "081804", 0, t1111111109.plusSeconds(30))).isEqualTo(1111111109 / 30);
        assertThat(factor.accepted(rfc, EMAIL, "081804", 0, t1111111109.minusSeconds(30))).isEqualTo(1111111109 / 30);
        assertThat(factor.accepted(rfc, EMAIL, "081804", 0, t1111111109.plusSeconds(61))).isEqualTo(-1);
    }

    @Test
    void aCodeIsAcceptedOnceAndNothingButSixDigitsIsACode() {
        Instant t59 = Instant.ofEpochSecond(59);
        assertThat(factor.accepted(rfc, EMAIL, "287082", 1, t59)).isEqualTo(-1);
        assertThat(factor.accepted(rfc, EMAIL, "287083", 0, t59)).isEqualTo(-1);
        assertThat(factor.accepted(rfc, EMAIL, "28708", 0, t59)).isEqualTo(-1);
        assertThat(factor.accepted(rfc, EMAIL, null, 0, t59)).isEqualTo(-1);
        assertThat(factor.accepted(rfc, EMAIL, "abcdef", 0, t59)).isEqualTo(-1);
    }

    @Test
    void theSecretIsBoundToItsPersonsAddressAndReadableByAnyAuthenticatorApp() {
        KeyEncryption.Sealed sealed = factor.newSecret(EMAIL);
        assertThat(factor.base32(sealed, EMAIL)).matches("[A-Z2-7]{32}");
        assertThat(factor.otpauthUri(sealed, EMAIL)).startsWith("otpauth://totp/Partner%20platform%3Akari%40partner.example?secret=")
                .endsWith("&issuer=Partner%20platform&algorithm=SHA1&digits=6&period=30");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> factor.base32(sealed, "mallory@partner.example"))
                .isInstanceOf(IllegalStateException.class);
    }
}
