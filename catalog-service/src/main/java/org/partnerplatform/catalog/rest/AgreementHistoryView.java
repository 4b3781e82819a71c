package org.partnerplatform.catalog.rest;

import java.time.Instant;

import org.partnerplatform.catalog.repository.AgreementHistoryEntry;

/** One entry of an agreement's history: what happened (and to which environment, for readiness), who did it, when. */
public record AgreementHistoryView(String action, String detail, String actor, Instant at, long version) {

    static AgreementHistoryView of(AgreementHistoryEntry e) {
        return new AgreementHistoryView(e.action, e.detail, e.actor, e.at, e.version);
    }
}
