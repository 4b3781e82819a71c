package org.partnerplatform.token.rest;

import java.time.Instant;
import java.util.List;

import org.partnerplatform.events.Environment;
import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.service.NewClient;

/** The answer to creating a client: the only time its secret is shown. */
public record CreatedClientView(
        String clientId,
        String clientSecret,
        String name,
        List<String> roles,
        long organisationId,
        Environment environment,
        Instant createdAt) {

    static CreatedClientView of(NewClient created) {
        Client c = created.client();
        return new CreatedClientView(c.clientId, created.secret(), c.name, Role.claimValues(c.roles), c.organisationId, c.environment, c.createdAt);
    }

    @Override
    public String toString() {
        return "CreatedClientView[clientId=" + clientId + ", clientSecret=***]";
    }
}
