package org.partnerplatform.web.observability;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;

/**
 * Traces are exported only where {@code platform.tracing.otlp-endpoint} names an OTLP collector (http/protobuf, the
 * base URL: the exporter posts to {@code /v1/traces} under it). The SDK stays on everywhere, because it is what
 * carries the W3C trace context from a request to its records and their consumers; without an endpoint it records
 * nothing ({@link TraceSampling}).
 */
@Singleton
public class Tracing {
    public static final String ENDPOINT = "platform.tracing.otlp-endpoint";
    /** The share of new traces (a request or record that comes without a sampled parent) that is recorded. */
    public static final String RATIO = "platform.tracing.sample-ratio";

    @Produces
    @Singleton
    @Unremovable
    Sampler sampler(@ConfigProperty(name = ENDPOINT) Optional<String> endpoint, @ConfigProperty(name = RATIO, defaultValue = "1.0") double ratio) {
        return TraceSampling.exporting(endpoint.filter(e -> !e.isBlank()).isPresent(), ratio);
    }
}
