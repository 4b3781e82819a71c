package org.partnerplatform.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.partnerplatform.events.CorrelationIds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;

/**
 * Every HTTP request, before anything else handles it: its correlation id (the caller's, or a new one) in the MDC
 * of every log line written for it and echoed on the response, even on a 401 that never reaches a resource; the
 * caller's {@code ET-Client-Name} in the MDC and in the metric {@code platform_http_client_requests_total}.
 * The organisation is added once the caller is known ({@link OrganisationLogging}).
 */
@ApplicationScoped
public class RequestContextLogging {
    static final String METRIC = "platform.http.client.requests";

    private final ClientNames clientNames;
    private final MeterRegistry registry;

    public RequestContextLogging(@ConfigProperty(name = "platform.metrics.client-names.limit", defaultValue = "200") int limit,
            Instance<MeterRegistry> registry) {
        this.clientNames = new ClientNames(limit);
        this.registry = registry.isResolvable() ? registry.get() : null;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String correlationId = CorrelationIds.acceptOrCreate(context.request().getHeader(CorrelationIds.HEADER));
            // Downstream code (a resource's @HeaderParam, the events it writes) sees the id the response names.
            context.request().headers().set(CorrelationIds.HEADER, correlationId);
            MDC.put(CorrelationIds.MDC_KEY, correlationId);
            String header = context.request().getHeader(ClientNames.HEADER);
            String client = ClientNames.forLog(header);
            if (client != null) {
                MDC.put(ClientNames.MDC_KEY, client);
            } else {
                MDC.remove(ClientNames.MDC_KEY);
            }
            MDC.remove(OrganisationLogging.MDC_KEY);
            context.addHeadersEndHandler(ignored -> {
                context.response().headers().set(CorrelationIds.HEADER, correlationId);
                if (registry != null) {
                    int status = context.response().getStatusCode();
                    // A caller refused authentication does not get to name a series (nor use up the limit of names).
                    String name = status == 401 ? "unauthenticated" : clientNames.forMetric(header);
                    Counter.builder(METRIC).description("HTTP requests by the caller's ET-Client-Name and status class")
                            .tag("client_name", name)
                            .tag("status", status / 100 + "xx").register(registry).increment();
                }
            });
            context.next();
        });
    }
}
