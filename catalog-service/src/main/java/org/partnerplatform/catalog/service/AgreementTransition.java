package org.partnerplatform.catalog.service;

import java.util.Set;

import org.partnerplatform.catalog.repository.AgreementStatus;

/**
 * The moves an agreement's status may make. TERMINATED is final; a move from any status not listed is refused
 * (409), including a move to the status the agreement already has, so a client learns that its view was stale.
 */
public enum AgreementTransition {
    ACTIVATE("ACTIVATED", Set.of(AgreementStatus.DRAFT), AgreementStatus.ACTIVE),
    SUSPEND("SUSPENDED", Set.of(AgreementStatus.ACTIVE), AgreementStatus.SUSPENDED),
    RESUME("RESUMED", Set.of(AgreementStatus.SUSPENDED), AgreementStatus.ACTIVE),
    TERMINATE("TERMINATED", Set.of(AgreementStatus.DRAFT, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED), AgreementStatus.TERMINATED);

    private final String action;
    private final Set<AgreementStatus> from;
    private final AgreementStatus to;

    AgreementTransition(String action, Set<AgreementStatus> from, AgreementStatus to) {
        this.action = action;
        this.from = from;
        this.to = to;
    }

    /** What the history records. */
    public String action() {
        return action;
    }

    public boolean allowedFrom(AgreementStatus status) {
        return from.contains(status);
    }

    public AgreementStatus to() {
        return to;
    }
}
