package org.partnerplatform.sales.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.sales.config.SalesConfig;
import org.partnerplatform.sales.repository.Ticket;
import org.partnerplatform.sales.repository.TicketReads;
import org.partnerplatform.tickets.TicketClaims;
import org.partnerplatform.tickets.TicketVerifier;
import org.partnerplatform.tickets.Verdict;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What an inspector asks online: a ticket checked as the offline verifier checks it, and then against the issuer's
 * own records (that the ticket exists, is the inspector's operator's, and is not disabled); and the disabled list
 * to sync for offline checks.
 */
@ApplicationScoped
public class TicketInspection {
    private final TicketKeys keys;
    private final TicketIssuer issuer;
    private final Pool pool;
    private final Clock clock;
    private final Duration disabledListLag;

    public TicketInspection(TicketKeys keys, TicketIssuer issuer, Pool pool, Clock clock, SalesConfig config) {
        this.keys = keys;
        this.issuer = issuer;
        this.pool = pool;
        this.clock = clock;
        this.disabledListLag = config.tickets().disabledListLag();
    }

    public Uni<Verdict> verify(String ticket, long inspectorOperator) {
        Verdict signed = new TicketVerifier(TicketVerifier.keys(keys.jwks()), issuer.issuer(), Set.of(), TicketVerifier.DEFAULT_CLOCK_SKEW)
                .verify(ticket, Instant.now(clock), Optional.empty());
        if (!signed.valid()) {
            return Uni.createFrom().item(signed);
        }
        TicketClaims claims = signed.claims().orElseThrow();
        UUID id;
        try {
            id = UUID.fromString(claims.ticketId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(new Verdict(Verdict.Reason.UNKNOWN_TICKET, "no ticket " + claims.ticketId(), signed.claims()));
        }
        return TicketReads.inspected(pool, id).map(found -> {
            if (found.isEmpty()) {
                return new Verdict(Verdict.Reason.UNKNOWN_TICKET, "no ticket " + claims.ticketId(), signed.claims());
            }
            if (found.get().operatorOrganisationId() != inspectorOperator) {
                return new Verdict(Verdict.Reason.OTHER_OPERATOR, "a ticket of " + claims.operatorCodespace() + ", not of this inspector's operator",
                        signed.claims());
            }
            if (Ticket.DISABLED.equals(found.get().status())) {
                return new Verdict(Verdict.Reason.DISABLED, "ticket " + claims.ticketId() + " is disabled (refunded)", signed.claims());
            }
            return signed;
        });
    }

    /**
     * A page of the disabled list of an operator (null: every operator's), after the cursor, of tickets not expired a
     * day ago. It ends {@code disabled-list-lag} before now: a refund committing a moment after its disabledAt must not fall
     * behind a cursor that a sync has already passed.
     */
    public Uni<List<TicketReads.Disabled>> disabled(Instant since, UUID after, Long operator, int limit) {
        Instant now = Instant.now(clock);
        return TicketReads.disabledAfter(pool, since, after, now.minus(disabledListLag), operator, now.minus(Duration.ofDays(1)), limit);
    }
}
