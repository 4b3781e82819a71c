package org.partnerplatform.token.service.signin;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.service.keys.Signer;
import org.partnerplatform.token.service.keys.SigningKeys;

/**
 * ID tokens (OpenID Connect Core §2), signed with the same keys as access tokens and published in the same JWKS:
 * iss, sub (the person), aud and azp (the web client), iat, exp, auth_time, nonce when the request had one, and
 * name, email, the organisation and the roles, which the portal shows. Few are issued, so jose4j writes them.
 */
@ApplicationScoped
public class IdTokenIssuer {
    private final SigningKeys keys;
    private final IssuerSettings settings;
    private final long lifetimeSeconds;

    public IdTokenIssuer(SigningKeys keys, IssuerSettings settings, TokenConfig config) {
        this.keys = keys;
        this.settings = settings;
        this.lifetimeSeconds = config.persons().accessTokenLifetime().toSeconds();
    }

    public String issue(Person person, String clientId, String nonce, Instant authTime) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.issuer());
        claims.setSubject(person.personId);
        claims.setAudience(clientId);
        claims.setClaim("azp", clientId);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + lifetimeSeconds));
        claims.setClaim("auth_time", authTime.getEpochSecond());
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        claims.setClaim("name", person.displayName);
        claims.setClaim("email", person.email);
        claims.setClaim(settings.organisationClaim(), person.organisationId);
        claims.setStringListClaim("roles", Role.claimValues(person.roles));
        Signer signer = keys.signer();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(signer.kid());
        jws.setHeader("typ", "JWT");
        jws.setKey(signer.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing an ID token failed", e);
        }
    }
}
