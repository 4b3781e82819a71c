package org.partnerplatform.token.service.persons;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.codec.binary.Base32;
import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.token.config.TokenConfig;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * TOTP (RFC 6238: HMAC-SHA1, six digits, 30-second steps, what every authenticator app reads from an otpauth URI):
 * new secrets of 160 bits, sealed at rest by the key-encryption key with the e-mail address as associated data (a
 * sealed secret moved to another person does not open), and the check of a code (java-otp computes it;
 * {@link TotpWindow} decides).
 */
@ApplicationScoped
public class SecondFactor {
    public static final String ISSUER = "Partner platform";
    private static final int SECRET_BYTES = 20;

    private final KeyEncryption encryption;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(TotpWindow.STEP_SECONDS));

    @Inject
    public SecondFactor(TokenConfig config) {
        this(KeyEncryption.fromBase64(config.keyEncryptionKey(), "platform.token.key-encryption-key"));
    }

    SecondFactor(KeyEncryption encryption) {
        this.encryption = encryption;
    }

    /** Seals a given secret (for tests with the RFC's vectors). */
    KeyEncryption.Sealed seal(byte[] secret, String email) {
        return encryption.encrypt(secret, associatedData(email));
    }

    public KeyEncryption.Sealed newSecret(String email) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return encryption.encrypt(secret, associatedData(email));
    }

    /** The secret as a person types it into an authenticator app: Base32, without padding. */
    public String base32(KeyEncryption.Sealed sealed, String email) {
        return new Base32().encodeToString(encryption.decrypt(sealed, associatedData(email))).replace("=", "");
    }

    /** What an authenticator app scans (Key Uri Format): issuer, account, secret. */
    public String otpauthUri(KeyEncryption.Sealed sealed, String email) {
        String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32(sealed, email) + "&issuer="
                + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The step of an accepted code, or -1 (see {@link TotpWindow}). */
    public long accepted(KeyEncryption.Sealed sealed, String email, String code, long lastStep, Instant now) {
        SecretKeySpec key = new SecretKeySpec(encryption.decrypt(sealed, associatedData(email)), totp.getAlgorithm());
        return TotpWindow.accepted(code == null ? null : code.replace(" ", ""), now, lastStep, step -> {
            try {
                return totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * TotpWindow.STEP_SECONDS));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String associatedData(String email) {
        return "totp:" + email;
    }
}
