package org.partnerplatform.token.service;

import org.partnerplatform.token.repository.Client;

/** A client just created, with the one copy of its secret there will ever be. Never logged. */
public record NewClient(Client client, String secret) {

    @Override
    public String toString() {
        return "NewClient[clientId=" + client.clientId + ", secret=***]";
    }
}
