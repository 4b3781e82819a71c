package org.partnerplatform.token.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.config.IssuerSettings;

/**
 * Links that persons open in their browsers, under the issuer: token-service's public pages are served there (the
 * partner host). Not under the request's own URL, which is an address inside the cluster when the portal asks.
 */
@ApplicationScoped
public class PublicLinks {
    private final String root;

    public PublicLinks(IssuerSettings settings) {
        this.root = settings.issuer().endsWith("/") ? settings.issuer() : settings.issuer() + "/";
    }

    /** The one-time link of an invitation (or of a reset of a person's sign-in). */
    public String invitation(String token) {
        return root + "invitations/" + token;
    }
}
