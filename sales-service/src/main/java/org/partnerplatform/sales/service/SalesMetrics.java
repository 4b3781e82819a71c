package org.partnerplatform.sales.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What sales did, counted once it has committed (never what a rolled-back try did): sales decided, by outcome,
 * reason and channel, and refunds. Replays of a stored outcome are not counted again. The common series are
 * registered at start-up, at zero, so that rates and alerts exist before the first sale.
 */
// Created at start-up, not at first use: its metrics exist (at zero) before anything happened.
@Startup
@ApplicationScoped
public class SalesMetrics {
    static final String SALES = "platform.sales";
    static final String REFUNDS = "platform.refunds";
    static final String NONE = "none";

    private final MeterRegistry registry;

    public SalesMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : List.of("rest", "kafka")) {
            sales("confirmed", NONE, channel);
            sales("reserved", NONE, channel);
            sales("rejected", "unknown-product", channel);
            refunds("refunded", NONE, channel);
            refunds("rejected", "no-refund-right", channel);
        }
    }

    /** A sale decided now (not replayed): confirmed, reserved (a draft) or rejected with its problem code. */
    void sale(SaleOutcome outcome, boolean sell, SaleService.Channel channel) {
        if (outcome.replayed()) {
            return;
        }
        if (outcome.isPlaced()) {
            sales(sell ? "confirmed" : "reserved", NONE, tag(channel)).increment();
        } else {
            sales("rejected", outcome.rejection().code(), tag(channel)).increment();
        }
    }

    void refunded(SaleService.Channel channel) {
        refunds("refunded", NONE, tag(channel)).increment();
    }

    void refundRejected(OrderRefusedException refusal, SaleService.Channel channel) {
        refunds("rejected", refusal.code(), tag(channel)).increment();
    }

    private Counter sales(String outcome, String reason, String channel) {
        return Counter.builder(SALES).description("Sales decided, by outcome, reason (a problem code) and channel")
                .tags("outcome", outcome, "reason", reason, "channel", channel).register(registry);
    }

    private Counter refunds(String outcome, String reason, String channel) {
        return Counter.builder(REFUNDS).description("Refunds decided, by outcome, reason (a problem code) and channel")
                .tags("outcome", outcome, "reason", reason, "channel", channel).register(registry);
    }

    private static String tag(SaleService.Channel channel) {
        return channel.name().toLowerCase();
    }
}
