package org.partnerplatform.catalog.rest;

import java.time.Instant;

import org.partnerplatform.catalog.repository.Operator;

/** An operator organisation and its codespace, and whether its first product or token-service's registry bound them. */
public record OperatorView(long organisationId, String codespace, String name, String boundBy, Instant updatedAt) {

    static OperatorView of(Operator o) {
        return new OperatorView(o.organisationId, o.codespace, o.name, o.boundBy, o.updatedAt);
    }
}
