package org.partnerplatform.sales.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.sales.SaleRequest;

/**
 * A partner's request for its own organisation, from REST or Kafka: to reserve a draft order (REST {@code POST
 * /v1/orders}), or to sell in one step (reserve, pay the whole balance as AGENT and confirm: Kafka requests and REST
 * {@code POST /v1/sales}).
 */
public record SaleCommand(Mode mode, long organisationId, String idempotencyKey, String distributionChannelId, List<SaleRequest.Line> lines,
        String externalReference) {

    public enum Mode {
        RESERVE, SELL
    }

    /** A digest of what was asked, so that a reused idempotency key with another body (or for the other mode) is recognised. */
    public String requestHash() {
        String body = EventJson.write(new SaleRequest(idempotencyKey, distributionChannelId, lines, externalReference));
        String canonical = mode == Mode.SELL ? body : mode.name() + " " + body;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
