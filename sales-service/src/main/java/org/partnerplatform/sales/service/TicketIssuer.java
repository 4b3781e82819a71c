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
import org.partnerplatform.tickets.TicketClaims;
import org.partnerplatform.tickets.TicketSigner;

/**
 * Gives each new ticket its validity and its signed form, with the ticket key that signs now.
 */
@ApplicationScoped
public class TicketIssuer {
    private final TicketKeys keys;
    private final String issuer;
    private final ZoneId zone;

    public TicketIssuer(TicketKeys keys, SalesConfig config, Clock clock,
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment,
            @ConfigProperty(name = "platform.domain", defaultValue = "partnerplatform.local") String domain) {
        this.keys = keys;
        this.zone = clock.getZone();
        this.issuer = config.tickets().issuer().orElse("https://sales." + environment.label() + "." + domain + "/");
    }

    /** The issuer every ticket names, which inspectors check. */
    public String issuer() {
        return issuer;
    }

    /** Signs the tickets of the order's lines, valid from the start each line asked for, else from {@code start} (the confirmation). */
    public void sign(UUID orderId, List<SalesOrderLine> lines, List<Ticket> tickets, Instant start) {
        if (tickets.isEmpty()) {
            return;
        }
        TicketKeys.Signer signer = keys.signer();
        Map<UUID, SalesOrderLine> byId = lines.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        for (Ticket t : tickets) {
            SalesOrderLine line = byId.get(t.orderLineId);
            TicketValidity validity = TicketValidity.of(line.validFrom != null ? line.validFrom : start, line.ticketValidity, line.travelDate, zone);
            t.validFrom = validity.from();
            t.validTo = validity.to();
            t.signingKeyId = signer.kid();
            t.signed = TicketSigner.sign(new TicketClaims(t.id.toString(), orderId.toString(), t.operatorCodespace(), t.productId, t.userProfile,
                    validity.from(), validity.to(), issuer, t.issuedAt), signer.kid(), signer.privateKey());
        }
    }
}
