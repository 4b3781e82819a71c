package org.partnerplatform.token.service.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.service.keys.Signer;
import org.partnerplatform.token.service.keys.SigningKeys;

/** Signs access tokens with the current key: JWS compact serialisation, header alg ES256, typ at+jwt, kid. */
@ApplicationScoped
public class TokenIssuer {
    /** RFC 9068 §2.1: the media type of JWT access tokens, without its application/ prefix. */
    public static final String TYPE = "at+jwt";

    private final SigningKeys keys;
    private final IssuerSettings settings;
    private final AccessTokenClaims claims;

    public TokenIssuer(SigningKeys keys, IssuerSettings settings) {
        this.keys = keys;
        this.settings = settings;
        this.claims = new AccessTokenClaims(settings.issuer(), settings.audience(), settings.organisationClaim(), settings.lifetime());
    }

    public IssuedToken issue(String clientId, long organisationId, Set<Role> roles) {
        List<String> granted = Role.claimValues(roles);
        Signer signer = keys.signer();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.of(clientId, organisationId, granted, Instant.now(), UUID.randomUUID().toString()).toJson());
        jws.setAlgorithmHeaderValue(signer.algorithm());
        jws.setKeyIdHeaderValue(signer.kid());
        jws.setHeader("typ", TYPE);
        jws.setKey(signer.privateKey());
        try {
            return new IssuedToken(jws.getCompactSerialization(), settings.lifetime().toSeconds(), String.join(" ", granted));
        } catch (JoseException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
    }
}
