package org.partnerplatform.web.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

class TraceSamplingTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static Context parent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    private static SamplingDecision decide(TraceSampling sampling, Context parent, SpanKind kind) {
        return sampling.shouldSample(parent, TRACE, "span", kind, Attributes.empty(), List.of()).getDecision();
    }

    @Test
    void withoutAnEndpointNothingIsRecordedNotEvenASampledCallersSpans() {
        TraceSampling off = TraceSampling.exporting(false);
        assertThat(decide(off, parent(true), SpanKind.SERVER)).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(off, Context.root(), SpanKind.CONSUMER)).isEqualTo(SamplingDecision.DROP);
    }

    private static Context local(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    @Test
    void withAnEndpointTheDecisionOfAParentInTheProcessIsFollowed() {
        TraceSampling on = TraceSampling.exporting(true);
        assertThat(decide(on, local(true), SpanKind.CLIENT)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(on, local(false), SpanKind.INTERNAL)).isEqualTo(SamplingDecision.DROP);
    }

    /** A partner cannot hide its requests from the traces with flag 00, nor have them all recorded with 01. */
    @Test
    void aRemoteCallersSampledFlagIsNotTrustedItsTraceIdDecides() {
        assertThat(decide(TraceSampling.exporting(true), parent(false), SpanKind.SERVER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(TraceSampling.exporting(true, 0), parent(true), SpanKind.CONSUMER)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void aRatioRecordsThatShareOfTracesByTraceIdAndFollowsASampledParentInTheProcess() {
        TraceSampling tenth = TraceSampling.exporting(true, 0.1);
        int recorded = 0;
        for (int i = 0; i < 10_000; i++) {
            String trace = String.format("%016x%016x", (long) i + 1, (i + 1) * 0x9E3779B97F4A7C15L);
            if (tenth.shouldSample(Context.root(), trace, "span", SpanKind.SERVER, Attributes.empty(), List.of()).getDecision()
                    == SamplingDecision.RECORD_AND_SAMPLE) {
                recorded++;
            }
        }
        assertThat(recorded).isBetween(800, 1200);
        assertThat(decide(tenth, local(true), SpanKind.CONSUMER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(TraceSampling.exporting(true, 0), Context.root(), SpanKind.SERVER)).isEqualTo(SamplingDecision.DROP);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TraceSampling.exporting(true, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestOrRecordWithoutContextStartsATraceButABackgroundStatementDoesNot() {
        TraceSampling on = TraceSampling.exporting(true);
        assertThat(decide(on, Context.root(), SpanKind.SERVER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(on, Context.root(), SpanKind.CONSUMER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(on, Context.root(), SpanKind.CLIENT)).isEqualTo(SamplingDecision.DROP);
    }
}
