package org.partnerplatform.messaging.topics;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Admin clients with the service's own {@code kafka.*} settings (bootstrap servers, and SASL/TLS in a cluster), as
 * Quarkus gathers them in the {@code default-kafka-broker} map: an Admin made from the bootstrap servers alone
 * would not get past a cluster's authenticating listener.
 */
public final class KafkaAdmins {
    private KafkaAdmins() {
    }

    public static Admin create(Map<String, Object> kafka) {
        return Admin.create(settings(kafka));
    }

    /** The Admin client's settings: the service's that an Admin client knows (its connection and security), short timeouts. */
    static Map<String, Object> settings(Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return settings;
    }
}
