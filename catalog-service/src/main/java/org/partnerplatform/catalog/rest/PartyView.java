package org.partnerplatform.catalog.rest;

import java.time.Instant;

import org.partnerplatform.catalog.repository.Party;

/** An organisation as the catalog knows it from token-service's organisation events. */
public record PartyView(long organisationId, String type, String name, String codespace, String status, String statusReason,
        String certification, Instant updatedAt) {

    static PartyView of(Party p) {
        return new PartyView(p.organisationId, p.type, p.name, p.codespace, p.status, p.statusReason, p.certification, p.updatedAt);
    }
}
