package org.partnerplatform.sales.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** A partner's request to refund lines of its confirmed order (none named: every line not yet refunded), from REST or Kafka. */
public record RefundCommand(long organisationId, UUID orderId, String idempotencyKey, List<String> orderLineIds, Integer expectedVersion) {

    /** A digest of what was asked: the order and the set of lines, so that a reused key with another request is recognised. */
    public String requestHash() {
        String lines = orderLineIds == null || orderLineIds.isEmpty() ? "*" : String.join(",", new TreeSet<>(orderLineIds));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("REFUND " + orderId + " " + lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
