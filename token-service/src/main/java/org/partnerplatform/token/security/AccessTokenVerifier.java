package org.partnerplatform.token.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.UnresolvableKeyException;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.service.keys.SigningKeys;
import org.partnerplatform.token.service.oauth.TokenIssuer;

/**
 * Verifies access tokens presented to this service's own admin API against its own key store, as a resource
 * server would: ES256 only, a published kid, typ at+jwt, our issuer and audience, exp and nbf with a small leeway.
 */
@ApplicationScoped
public class AccessTokenVerifier {
    private final JwtConsumer consumer;

    public AccessTokenVerifier(SigningKeys keys, IssuerSettings settings, TokenConfig config) {
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, SigningKeys.ALGORITHM)
                .setVerificationKeyResolver((jws, nesting) -> keys.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("no published key " + jws.getKeyIdHeaderValue())))
                .setExpectedType(true, TokenIssuer.TYPE)
                .setExpectedIssuer(settings.issuer())
                .setExpectedAudience(settings.audience())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build();
    }

    public VerifiedAccessToken verify(String token) throws InvalidJwtException {
        JwtContext context = consumer.process(token);
        return new VerifiedAccessToken(token, context.getJwtClaims());
    }
}
