package org.partnerplatform.token.service.oauth;

/** A client id and secret as presented, by HTTP Basic or in the body. The secret never appears in toString. */
public record ClientCredentials(String clientId, String secret, Method method) {

    public enum Method {
        /** client_secret_basic (RFC 6749 §2.3.1) */
        BASIC,
        /** client_secret_post: client_id and client_secret in the body */
        BODY
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", method=" + method + ", secret=***]";
    }
}
