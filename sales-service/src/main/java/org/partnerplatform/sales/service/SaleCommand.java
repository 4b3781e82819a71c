package org.partnerplatform.sales.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.sales.SaleRequest;

/** A partner's request to sell, from REST or Kafka, for its own organisation. */
public record SaleCommand(long organisationId, String idempotencyKey, String distributionChannelId, List<SaleRequest.Line> lines,
        String externalReference) {

    /** A digest of what was asked, so that a reused idempotency key with another body is recognised. */
    public String requestHash() {
        String canonical = EventJson.write(new SaleRequest(idempotencyKey, distributionChannelId, lines, externalReference));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
