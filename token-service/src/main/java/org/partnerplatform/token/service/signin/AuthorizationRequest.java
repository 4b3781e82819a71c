package org.partnerplatform.token.service.signin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerplatform.token.service.signin.WebClients.WebClient;

/**
 * An authorization request of the code flow (RFC 6749 §4.1.1, OpenID Connect Core §3.1.2.1) with PKCE (RFC 7636),
 * checked. The client and its redirect URI are checked first and are never trusted otherwise: with either wrong, the
 * person sees an error page and is sent nowhere (RFC 6749 §4.1.2.1). Every other problem goes back to the client's
 * redirect URI as an error. Only what a careful client sends is accepted: response_type code, scope with openid,
 * an S256 code challenge (plain is refused), each parameter at most once.
 */
public record AuthorizationRequest(WebClient client, String redirectUri, String scope, String state, String nonce, String codeChallenge,
        String uiLocales) {
    private static final Set<String> SINGLE = Set.of("response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
            "code_challenge", "code_challenge_method", "prompt", "ui_locales");
    private static final String CHALLENGE = "^[A-Za-z0-9._~-]{43,128}$";

    /** Why a request is refused; {@code redirectTo} null means: show it to the person, send them nowhere. */
    public static final class Refused extends RuntimeException {
        private final String error;
        private final String redirectTo;
        private final String state;

        Refused(String error, String description, String redirectTo, String state) {
            super(description, null, false, false);
            this.error = error;
            this.redirectTo = redirectTo;
            this.state = state;
        }

        public String error() {
            return error;
        }

        public String redirectTo() {
            return redirectTo;
        }

        public String state() {
            return state;
        }
    }

    public static AuthorizationRequest of(Map<String, List<String>> parameters, WebClients clients) {
        String clientId = single(parameters, "client_id", null, null);
        WebClient client = clients.byId(clientId).orElseThrow(() -> new Refused("invalid_client", "unknown client_id", null, null));
        String redirectUri = single(parameters, "redirect_uri", null, null);
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            throw new Refused("invalid_request", "redirect_uri is not one registered for the client", null, null);
        }
        String state = single(parameters, "state", null, null);
        for (String name : SINGLE) {
            single(parameters, name, redirectUri, state);
        }
        if (!"code".equals(single(parameters, "response_type", redirectUri, state))) {
            throw new Refused("unsupported_response_type", "response_type must be code", redirectUri, state);
        }
        String scope = single(parameters, "scope", redirectUri, state);
        if (scope == null || !Arrays.asList(scope.split(" +")).contains("openid")) {
            throw new Refused("invalid_scope", "scope must contain openid", redirectUri, state);
        }
        String challenge = single(parameters, "code_challenge", redirectUri, state);
        if (challenge == null || !challenge.matches(CHALLENGE) || !"S256".equals(single(parameters, "code_challenge_method", redirectUri, state))) {
            throw new Refused("invalid_request", "PKCE is required: code_challenge (43-128 characters) with code_challenge_method S256",
                    redirectUri, state);
        }
        if ("none".equals(single(parameters, "prompt", redirectUri, state))) {
            // No session here to sign in silently with: every sign-in asks for the password.
            throw new Refused("login_required", "this server keeps no session; a person must sign in", redirectUri, state);
        }
        String nonce = single(parameters, "nonce", redirectUri, state);
        if (nonce != null && nonce.length() > 200 || state != null && state.length() > 500) {
            throw new Refused("invalid_request", "nonce may have at most 200 characters, state at most 500", redirectUri, state);
        }
        String uiLocales = single(parameters, "ui_locales", redirectUri, state);
        if (uiLocales != null && uiLocales.length() > 100) {
            uiLocales = null;
        }
        return new AuthorizationRequest(client, redirectUri, scope, state, nonce, challenge, uiLocales);
    }

    /** The parameters a sign-in form carries, to rebuild this request when it is posted. */
    public Map<String, String> formParameters() {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", client.clientId());
        form.put("redirect_uri", redirectUri);
        form.put("scope", scope);
        form.put("code_challenge", codeChallenge);
        form.put("code_challenge_method", "S256");
        if (state != null) {
            form.put("state", state);
        }
        if (nonce != null) {
            form.put("nonce", nonce);
        }
        if (uiLocales != null) {
            form.put("ui_locales", uiLocales);
        }
        return form;
    }

    private static String single(Map<String, List<String>> parameters, String name, String redirectUri, String state) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new Refused("invalid_request", "the parameter " + name + " is given more than once", redirectUri, state);
        }
        return values.isEmpty() || values.get(0) == null || values.get(0).isEmpty() ? null : values.get(0);
    }
}
