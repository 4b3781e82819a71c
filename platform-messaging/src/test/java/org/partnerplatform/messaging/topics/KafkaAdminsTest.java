package org.partnerplatform.messaging.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaAdminsTest {

    @Test
    void anAdminClientGetsTheServicesConnectionAndSecuritySettingsAndNothingElse() {
        Map<String, Object> settings = KafkaAdmins.settings(Map.of(
                "bootstrap.servers", "platform-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/platform/kafka-ca/ca.crt",
                "group.id", "a-consumer-setting",
                "value.serializer", "a-producer-setting"));
        assertThat(settings).containsEntry("bootstrap.servers", "platform-kafka-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config").containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/platform/kafka-ca/ca.crt")
                .doesNotContainKeys("group.id", "value.serializer")
                .containsEntry("request.timeout.ms", 10_000);
    }
}
