package org.partnerplatform.token.service.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.repository.AuthorizationCode;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.token.service.oauth.ClientCredentials;
import org.partnerplatform.token.service.oauth.IssuedToken;
import org.partnerplatform.token.service.oauth.OAuthException;
import org.partnerplatform.token.service.oauth.TokenIssuer;
import org.partnerplatform.token.service.oauth.TokenRequest;
import org.partnerplatform.token.service.persons.PersonService;
import org.partnerplatform.token.service.signin.WebClients.WebClient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The authorization code grant (RFC 6749 §4.1.3) of a web client: the client authenticates with its secret, the
 * code must be its own, unused, unexpired and for the same redirect URI, and the code verifier must hash to the
 * code's S256 challenge (RFC 7636 §4.6). A code is used at most once, even by two requests at the same instant (a
 * conditional update); every refusal answers the same invalid_grant.
 */
@ApplicationScoped
public class AuthorizationCodeGrant {
    public static final String GRANT_TYPE = "authorization_code";
    private static final String VERIFIER = "^[A-Za-z0-9._~-]{43,128}$";

    private final WebClients clients;
    private final TokenIssuer tokens;
    private final IdTokenIssuer idTokens;

    public AuthorizationCodeGrant(WebClients clients, TokenIssuer tokens, IdTokenIssuer idTokens) {
        this.clients = clients;
        this.tokens = tokens;
        this.idTokens = idTokens;
    }

    public Uni<PersonTokens> grant(Map<String, List<String>> parameters, String authorization) {
        WebClient client = clients.authenticate(ClientCredentials.of(parameters, authorization))
                .orElseThrow(() -> OAuthException.invalidClient("client authentication failed"));
        String code = single(parameters, "code");
        String redirectUri = single(parameters, "redirect_uri");
        String verifier = single(parameters, "code_verifier");
        if (code == null || redirectUri == null) {
            throw OAuthException.invalidRequest("code and redirect_uri are required");
        }
        if (verifier == null || !verifier.matches(VERIFIER)) {
            throw OAuthException.invalidRequest("code_verifier is required (RFC 7636: 43-128 characters)");
        }
        String hash = PersonService.tokenHash(code);
        return Panache.withTransaction(() -> AuthorizationCode.byHash(hash).chain(row -> {
            if (row == null || !row.clientId.equals(client.clientId()) || row.usedAt != null || !Timestamps.now().isBefore(row.expiresAt)
                    || !row.redirectUri.equals(redirectUri) || !MessageDigest.isEqual(s256(verifier), row.codeChallenge.getBytes(StandardCharsets.US_ASCII))) {
                throw OAuthException.invalidGrant("the code is unknown, used, expired, or not for this client, redirect_uri or code_verifier");
            }
            return AuthorizationCode.update("usedAt = ?1 where codeHash = ?2 and usedAt is null", Timestamps.now(), hash).chain(updated -> {
                if (updated != 1) {
                    throw OAuthException.invalidGrant("the code is used");
                }
                return Person.<Person> findById(row.personId).chain(person -> Organisation.byId(person.organisationId).map(organisation -> {
                    if (!person.signsIn() || organisation.status != OrganisationStatus.ACTIVE) {
                        throw OAuthException.invalidGrant("the person was removed, their sign-in reset, or their organisation suspended");
                    }
                    IssuedToken access = tokens.issueForPerson(person.personId, client.clientId(), person.organisationId, person.roles);
                    String idToken = idTokens.issue(person, client.clientId(), row.nonce, row.authTime);
                    return new PersonTokens(access.accessToken(), access.expiresIn(), access.scope(), idToken);
                }));
            });
        }));
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), as ASCII bytes. */
    static byte[] s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A parameter given at most once (RFC 6749 §3.2), read as every token request reads it. */
    private static String single(Map<String, List<String>> parameters, String name) {
        if (parameters.getOrDefault(name, List.of()).size() > 1) {
            throw OAuthException.invalidRequest("the parameter " + name + " is given more than once");
        }
        return TokenRequest.single(parameters, name);
    }
}
