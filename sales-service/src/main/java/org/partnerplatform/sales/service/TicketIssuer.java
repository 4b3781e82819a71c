package org.partnerplatform.sales.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.events.Environment;
import org.partnerplatform.sales.config.SalesConfig;
import org.partnerplatform.sales.repository.SalesOrderLine;
import org.partnerplatform.sales.repository.Ticket;
import org.partnerplatform.sales.repository.TicketReads;
import org.partnerplatform.tickets.TicketClaims;
import org.partnerplatform.tickets.TicketSigner;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Gives each new ticket its validity at confirmation, and its signed form when it is first distributed, with the
 * ticket key that signs then. Signing is not on the sale path: an ES256 signature costs about 150 µs of CPU (JDK 25,
 * this machine; 600 µs on 17), and signing every ticket at confirmation halved the money path's throughput
 * (docs/benchmarks.md, "Signed tickets"); the claims, the validity included, are fixed at confirmation either way.
 */
@ApplicationScoped
public class TicketIssuer {
    private final TicketKeys keys;
    private final Pool pool;
    private final String issuer;
    private final ZoneId zone;

    public TicketIssuer(TicketKeys keys, Pool pool, SalesConfig config, Clock clock,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment,
            @ConfigProperty(name = "platform.domain", defaultValue = "partnerplatform.local") String domain) {
        this.keys = keys;
        this.pool = pool;
        this.zone = clock.getZone();
        this.issuer = config.tickets().issuer().orElse("https://sales." + environment.label() + "." + domain + "/");
    }

    /** The issuer every ticket names, which inspectors check. */
    public String issuer() {
        return issuer;
    }

    /** Gives new tickets their validity: from the start each line asked for, else from {@code start} (the confirmation). */
    public void assignValidity(List<SalesOrderLine> lines, List<Ticket> tickets, Instant start) {
        if (tickets.isEmpty()) {
            return;
        }
        Map<UUID, SalesOrderLine> byId = lines.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        for (Ticket t : tickets) {
            SalesOrderLine line = byId.get(t.orderLineId);
            TicketValidity validity = TicketValidity.of(line.validFrom != null ? line.validFrom : start, line.ticketValidity, line.travelDate, zone);
            t.validFrom = validity.from();
            t.validTo = validity.to();
        }
    }

    /**
     * Signs the issued tickets that have a validity and no signed form yet, with the key that signs now, and stores each
     * signed form unless another request stored one first (then that one is kept: both verify). Answers the tickets,
     * signed.
     */
    public Uni<List<Ticket>> signUnsigned(List<Ticket> tickets) {
        // A disabled (refunded) ticket is never signed: it must not become a usable ticket after its refund.
        List<Ticket> unsigned = tickets.stream().filter(t -> t.signed == null && t.validFrom != null && Ticket.ISSUED.equals(t.status)).toList();
        if (unsigned.isEmpty()) {
            return Uni.createFrom().item(tickets);
        }
        TicketKeys.Signer signer = keys.signer();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Ticket t : unsigned) {
            String signed = TicketSigner.sign(new TicketClaims(t.id.toString(), t.orderId.toString(), t.operatorCodespace(), t.productId,
                    t.userProfile, t.validFrom, t.validTo, issuer, t.issuedAt), signer.kid(), signer.privateKey());
            chain = chain.chain(() -> TicketReads.storeSigned(pool, t.id, signer.kid(), signed).invoke(stored -> {
                t.signingKeyId = stored.kid();
                t.signed = stored.signed();
            }).replaceWithVoid());
        }
        return chain.replaceWith(tickets);
    }
}
