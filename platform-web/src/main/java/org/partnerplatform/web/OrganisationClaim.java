package org.partnerplatform.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The name of the access-token claim that carries the organisation id, read once. */
@ApplicationScoped
public class OrganisationClaim {
    private final String name;

    public OrganisationClaim(@ConfigProperty(name = "platform.security.organisation-claim", defaultValue = Caller.DEFAULT_ORGANISATION_CLAIM) String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
