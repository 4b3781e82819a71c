package org.partnerplatform.messaging.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.KafkaMessageMetadata;
import io.vertx.core.Vertx;

/**
 * The W3C trace context as the mechanism carries it: captured where an event is written to the outbox, stored with
 * the row, and continued by the relay's publish; read from an incoming record (the consumer span the Kafka connector
 * started for it, else the record's own headers). Only {@code traceparent} travels: {@code tracestate} is vendor
 * data that a caller (a partner) could fill, and the platform has none of its own to carry.
 */
public final class TraceContexts {
    public static final String TRACEPARENT = "traceparent";
    /** The MDC keys Quarkus's OpenTelemetry puts on the lines written in a span. */
    private static final String[] MDC_KEYS = { "traceId", "spanId", "sampled", "parentId" };
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> Arrays.stream(carrier.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null || !TRACEPARENT.equals(key) ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContexts() {
    }

    /** The context's span as a traceparent, null when there is no valid span. */
    public static String capture(Context context) {
        if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        String[] traceparent = new String[1];
        W3C.inject(context, traceparent, (carrier, key, value) -> {
            if (TRACEPARENT.equals(key)) {
                carrier[0] = value;
            }
        });
        return traceparent[0];
    }

    /** The stored context as a parent for a new span (the root context when nothing was stored or it does not parse). */
    public static Context restore(String traceParent) {
        return traceParent == null ? Context.root() : W3C.extract(Context.root(), traceParent, STORED);
    }

    /** Whether a stored traceparent says its trace is recorded (its flags' sampled bit). */
    public static boolean sampled(String traceParent) {
        return traceParent != null && Span.fromContext(restore(traceParent)).getSpanContext().isSampled();
    }

    /** Writes the span's traceparent into the record's headers, replacing any there. */
    public static void inject(SpanContext span, Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove("tracestate");
        W3C.inject(Context.root().with(Span.wrap(span)), headers, (carrier, key, value) -> {
            if (TRACEPARENT.equals(key)) {
                carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /**
     * The context a record is handled in: the consumer span the connector started for it (its parent is the
     * producer's context), else the context in the record's headers, else none.
     */
    public static Context of(Message<?> message) {
        return TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElseGet(() -> message.getMetadata(KafkaMessageMetadata.class)
                        .map(kafka -> W3C.extract(Context.root(), kafka.getHeaders(), HEADERS)).orElse(Context.root()));
    }

    /**
     * Runs the work with the context current on this Vert.x context (the one SmallRye Reactive Messaging gives each
     * record or batch), so that its statements' spans are its children and its log lines carry its trace id; after
     * it, the trace ids leave the log lines too (Quarkus restores the previous context, but not an empty MDC). Where
     * there is no such Vert.x context, the work runs as it is, not to leave a thread-local context behind on a thread
     * that the reactive chain may leave.
     */
    public static <T> Uni<T> within(Context context, Supplier<Uni<T>> work) {
        if (!VertxContext.isDuplicatedContext(Vertx.currentContext())) {
            return Uni.createFrom().<T> deferred(work::get);
        }
        return Uni.createFrom().deferred(() -> {
            Scope scope = context.makeCurrent();
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                close(scope);
                return Uni.createFrom().failure(e);
            }
            return started.eventually(() -> close(scope));
        });
    }

    private static void close(Scope scope) {
        scope.close();
        if (!Span.current().getSpanContext().isValid()) {
            for (String key : MDC_KEYS) {
                MDC.remove(key);
            }
        }
    }
}
