package org.partnerplatform.settlement.service;

import java.util.Optional;

import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;

/**
 * Who reads which figures. FINANCE reads every settlement and statement; a partner (PARTNER, or a person of it with
 * FINANCE_READER) its own settlements;
 * an operator (OPERATOR) its own statements, which show only its part of each partner's settlement. Anything else
 * of another organisation answers as if it did not exist.
 */
public final class SettlementAccess {

    private SettlementAccess() {
    }

    public static boolean mayReadSettlementsOf(Caller caller, long partner) {
        return caller.hasRole(Roles.FINANCE) || ((caller.hasRole(Roles.PARTNER) || caller.hasRole(Roles.FINANCE_READER)) && caller.actsFor(partner));
    }

    public static boolean mayReadStatementOf(Caller caller, long operator) {
        return caller.hasRole(Roles.FINANCE) || (caller.hasRole(Roles.OPERATOR) && caller.actsFor(operator));
    }

    /** The partner a listing is limited to: the one asked for, or for a partner its own; empty for finance asking for all. */
    public static Optional<Long> partnerScope(Caller caller, Long asked) {
        if (caller.hasRole(Roles.FINANCE)) {
            return Optional.ofNullable(asked);
        }
        return Optional.of(asked != null ? asked : caller.organisationId());
    }
}
