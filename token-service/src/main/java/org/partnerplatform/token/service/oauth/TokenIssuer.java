package org.partnerplatform.token.service.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.service.keys.Signer;
import org.partnerplatform.token.service.keys.SigningKeys;

/**
 * Signs access tokens with the current key: JWS compact serialisation (RFC 7515), header alg ES256, kid, typ at+jwt.
 * <p>
 * Written out by hand rather than through a JOSE library, because this is the hot path: the ECDSA signature itself
 * is most of a grant's CPU, and everything around it here is string building. Each thread keeps its own
 * {@link Signature} (initialised once per key, not looked up per token) and its own SecureRandom, so signing
 * threads never wait on each other; the signature comes in the IEEE P1363 form (r || s) that JWS wants (RFC 7518
 * §3.4), with no DER to convert. Tokens verify with any JOSE library; the tests verify them with jose4j.
 */
@ApplicationScoped
public class TokenIssuer {
    /** RFC 9068 §2.1: the media type of JWT access tokens, without its application/ prefix. */
    public static final String TYPE = "at+jwt";
    private static final String JCA_ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A thread's signing state: the key it is initialised for, and its random source. */
    private static final class ThreadSigner {
        final SecureRandom random = new SecureRandom();
        String kid;
        Signature signature;
    }

    private final SigningKeys keys;
    private final IssuerSettings settings;
    private final AccessTokenClaims claims;
    private final AccessTokenClaims personClaims;
    private final Map<String, String> encodedHeaders = new ConcurrentHashMap<>();
    private final ThreadLocal<ThreadSigner> threadSigners = ThreadLocal.withInitial(ThreadSigner::new);

    public TokenIssuer(SigningKeys keys, IssuerSettings settings, TokenConfig config) {
        this.keys = keys;
        this.settings = settings;
        this.claims = new AccessTokenClaims(settings.issuer(), settings.audience(), settings.organisationClaim(), settings.lifetime());
        this.personClaims = new AccessTokenClaims(settings.issuer(), settings.audience(), settings.organisationClaim(),
                config.persons().accessTokenLifetime());
    }

    public IssuedToken issue(String clientId, long organisationId, Set<Role> roles) {
        return issue(claims, clientId, clientId, organisationId, roles);
    }

    /** A person's access token: sub the person, client_id and azp the web client they signed in through. */
    public IssuedToken issueForPerson(String personId, String clientId, long organisationId, Set<Role> roles) {
        return issue(personClaims, personId, clientId, organisationId, roles);
    }

    private IssuedToken issue(AccessTokenClaims claims, String subject, String clientId, long organisationId, Set<Role> roles) {
        List<String> granted = Role.claimValues(roles);
        Signer signer = keys.signer();
        ThreadSigner thread = threadSigners.get();
        String payload = claims.json(subject, clientId, organisationId, granted, Instant.now(), jwtId(thread.random));
        String signingInput = encodedHeaders.computeIfAbsent(signer.kid(), TokenIssuer::encodedHeader) + "."
                + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = signatureFor(thread, signer);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + BASE64URL.encodeToString(signature.sign());
            return new IssuedToken(token, claims.lifetime().toSeconds(), String.join(" ", granted));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
    }

    private static Signature signatureFor(ThreadSigner thread, Signer signer) throws GeneralSecurityException {
        if (!signer.kid().equals(thread.kid)) {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initSign(signer.privateKey(), thread.random);
            thread.signature = signature;
            thread.kid = signer.kid();
        }
        return thread.signature;
    }

    /** 128 random bits, base64url: unique per token (RFC 7519 §4.1.7). */
    private static String jwtId(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return BASE64URL.encodeToString(id);
    }

    private static String encodedHeader(String kid) {
        StringBuilder header = new StringBuilder("{\"alg\":\"").append(SigningKeys.ALGORITHM).append("\",\"kid\":");
        AccessTokenClaims.string(header, kid);
        header.append(",\"typ\":\"").append(TYPE).append("\"}");
        return BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8));
    }
}
