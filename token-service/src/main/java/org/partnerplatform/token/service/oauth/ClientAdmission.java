package org.partnerplatform.token.service.oauth;

import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.repository.OrganisationStatus;

/**
 * Whether an authenticated client may have tokens here and now, beyond its secret: a client of this environment,
 * of an active organisation, certified if this is PRODUCTION. The grant and the introspection endpoint ask the
 * same, for the caller and for the token introspected.
 */
final class ClientAdmission {

    private ClientAdmission() {
    }

    /** Nothing when admitted; otherwise the error to answer. */
    static OAuthException refusal(AuthenticatedClient client, IssuerSettings settings) {
        if (client.environment() != settings.environment()) {
            // A client exists only in the environment it was created in; elsewhere it is as good as unknown.
            return OAuthException.invalidClient(ClientAuthenticator.UNKNOWN_OR_WRONG);
        }
        if (client.organisationStatus() != OrganisationStatus.ACTIVE) {
            return OAuthException.unauthorizedClient("the client's organisation is suspended");
        }
        if (!client.certification().environments().contains(settings.environment())) {
            return OAuthException.unauthorizedClient("the client's organisation is not certified for PRODUCTION");
        }
        return null;
    }

    static void require(AuthenticatedClient client, IssuerSettings settings) {
        OAuthException refusal = refusal(client, settings);
        if (refusal != null) {
            throw refusal;
        }
    }
}
