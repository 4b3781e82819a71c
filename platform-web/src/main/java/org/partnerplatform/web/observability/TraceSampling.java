package org.partnerplatform.web.observability;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which spans are recorded and exported. With no OTLP endpoint configured, none: the trace context still travels on
 * every request and record (and its trace id reaches the log lines), but nothing is kept. With one, every span whose
 * parent was sampled, and every new trace a request or record starts, except traces that a client call would start
 * on its own: the outbox relay's polls and other background statements (a root span of kind CLIENT), which would
 * otherwise be a trace every few hundred milliseconds per pod that shows nothing a caller did.
 */
public final class TraceSampling implements Sampler {
    private final boolean exporting;
    private final double ratio;
    private final Sampler followParent;

    private TraceSampling(boolean exporting, double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("a sampling ratio is between 0 and 1, not " + ratio);
        }
        this.exporting = exporting;
        this.ratio = ratio;
        Sampler byTraceId = ratio == 1 ? Sampler.alwaysOn() : Sampler.traceIdRatioBased(ratio);
        // A remote caller's sampled flag is not trusted (a partner sets it as it likes): a context from another
        // process is decided by its trace id, as every service of the platform decides it, so they agree.
        this.followParent = Sampler.parentBasedBuilder(byTraceId).setRemoteParentSampled(byTraceId).setRemoteParentNotSampled(byTraceId).build();
    }

    /** The sampling for a service that exports spans (true) or not (false), recording every new trace. */
    public static TraceSampling exporting(boolean exporting) {
        return new TraceSampling(exporting, 1);
    }

    /** The sampling for a service that exports spans, recording this share of the new traces (0 to 1). */
    public static TraceSampling exporting(boolean exporting, double ratio) {
        return new TraceSampling(exporting, ratio);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind, Attributes attributes,
            List<LinkData> parentLinks) {
        if (!exporting) {
            return SamplingResult.drop();
        }
        boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
        if (root && spanKind == SpanKind.CLIENT) {
            return SamplingResult.drop();
        }
        return followParent.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return exporting ? "TraceSampling{parent-based, new traces " + ratio + "; no root client spans}" : "TraceSampling{off: no OTLP endpoint}";
    }
}
