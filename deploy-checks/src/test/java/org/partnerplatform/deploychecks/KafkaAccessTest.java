package org.partnerplatform.deploychecks;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerplatform.events.Environment;
import org.partnerplatform.events.PartnerTopics;
import org.partnerplatform.events.Topics;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * How the services reach Kafka: the listener their KAFKA_* settings describe, as its own KafkaUser, and with the
 * ACLs their consumers need (authorization is "simple": what is not granted is refused).
 */
class KafkaAccessTest {

    /** KAFKA_BOOTSTRAP_SERVERS names a TLS, SCRAM-SHA-512 listener, and the client speaks exactly that. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void servicesSpeakTheListenerTheyConnectTo(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.KAFKA_CLIENTS) {
            Container c = Rendering.container(r.deployment(workload));
            Map<String, String> env = r.environment(c);
            String what = r.where() + "Deployment " + workload + " ";
            URI bootstrap = Kafka.bootstrap(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "missing:0"));
            Optional<Map<String, Object>> listener = Kafka.listener(r, bootstrap);
            softly.assertThat(listener).as(what + "KAFKA_BOOTSTRAP_SERVERS=" + bootstrap.getAuthority()
                    + ": <kafka>-kafka-bootstrap:<port of one of its listeners>").isPresent();
            listener.ifPresent(l -> {
                boolean tls = Boolean.TRUE.equals(l.get("tls"));
                Object auth = l.get("authentication") instanceof Map<?, ?> a ? a.get("type") : null;
                softly.assertThat(l.get("type")).as(what + "listener " + l.get("name") + " type").isEqualTo("internal");
                softly.assertThat(env.get("KAFKA_SECURITY_PROTOCOL")).as(what + "KAFKA_SECURITY_PROTOCOL for listener "
                        + l.get("name") + " (tls " + tls + ", authentication " + auth + ")")
                        .isEqualTo((tls ? "SASL_SSL" : "SASL_PLAINTEXT"));
                softly.assertThat(auth).as(what + "listener " + l.get("name") + " authentication.type").isEqualTo("scram-sha-512");
                softly.assertThat(env.get("KAFKA_SASL_MECHANISM")).as(what + "KAFKA_SASL_MECHANISM").isEqualTo("SCRAM-SHA-512");
                if (tls) {
                    trustsTheClusterCa(softly, what, r.deployment(workload), env, bootstrap);
                }
            });
        }
        softly.assertAll();
    }

    /** Each service is a KafkaUser of its own name; the User Operator writes its sasl.jaas.config into a Secret of that name. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyServiceIsItsOwnKafkaUser(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.KAFKA_CLIENTS) {
            Map<String, String> env = r.environment(Rendering.container(r.deployment(workload)));
            String what = r.where() + "Deployment " + workload + " ";
            softly.assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as(what + "KAFKA_SASL_JAAS_CONFIG")
                    .isEqualTo("secret:" + workload + "/sasl.jaas.config");
            Optional<GenericKubernetesResource> user = user(r, workload);
            softly.assertThat(user).as(what + "a KafkaUser " + workload).isPresent();
            String cluster = Kafka.bootstrap(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "missing:0")).getHost()
                    .replaceFirst("-kafka-bootstrap$", "");
            user.ifPresent(u -> {
                softly.assertThat((Object) u.get("spec", "authentication", "type")).as(what + "KafkaUser authentication.type")
                        .isEqualTo("scram-sha-512");
                softly.assertThat(u.getMetadata().getLabels()).as(what + "KafkaUser strimzi.io/cluster")
                        .containsEntry("strimzi.io/cluster", cluster);
            });
        }
        softly.assertAll();
    }

    /** Every incoming channel: Read on its topics and its group, Write on where it dead-letters. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void consumersMayReadTheirTopicsAndGroupsAndWriteTheirDeadLetters(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.KAFKA_CLIENTS) {
            List<Map<String, Object>> acls = user(r, workload).map(u -> u.<List<Map<String, Object>>>get("spec", "authorization", "acls"))
                    .orElse(List.of());
            for (Platform.Channel channel : Platform.incomingChannels(workload)) {
                String what = r.where() + "KafkaUser " + workload + ", channel " + channel.name() + ": ";
                for (String topic : channel.topics()) {
                    String resource = channel.pattern() ? Kafka.literalPrefix(topic) : topic;
                    softly.assertThat(allows(acls, "topic", resource, channel.pattern(), "Read"))
                            .as(what + "Read on topic " + resource + (channel.pattern() ? "*" : "")).isTrue();
                    if (channel.deadLetters()) {
                        // A pattern's dead letters, <partner topic>.dlq, are under the same prefix.
                        String dlq = channel.pattern() ? resource : Topics.deadLetter(topic);
                        softly.assertThat(allows(acls, "topic", dlq, channel.pattern(), "Write"))
                                .as(what + "Write on dead-letter topic " + dlq + (channel.pattern() ? "*" : "")).isTrue();
                    }
                }
                if (channel.deadLetters() && channel.deadLetterTopic() != null) {
                    softly.assertThat(allows(acls, "topic", channel.deadLetterTopic(), false, "Write"))
                            .as(what + "Write on its dead-letter-queue.topic " + channel.deadLetterTopic()).isTrue();
                }
                // A group per replica (<service>-token-events-<uuid>) needs a prefixed ACL on what comes before the uuid.
                boolean perReplica = channel.groupId().contains("<uuid>");
                String group = perReplica ? channel.groupId().substring(0, channel.groupId().indexOf("<uuid>")) : channel.groupId();
                softly.assertThat(allows(acls, "group", group, perReplica, "Read"))
                        .as(what + "Read on group " + group + (perReplica ? "*" : "")).isTrue();
            }
        }
        softly.assertAll();
    }

    private static void trustsTheClusterCa(SoftAssertions softly, String what, Deployment d, Map<String, String> env, URI bootstrap) {
        String location = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
        softly.assertThat(location).as(what + "KAFKA_SSL_TRUSTSTORE_LOCATION").isNotNull();
        if (location == null) {
            return;
        }
        Path file = Path.of(location);
        String caSecret = bootstrap.getHost().replaceFirst("-kafka-bootstrap$", "") + "-cluster-ca-cert";
        Optional<VolumeMount> mount = Rendering.container(d).getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(file.getParent())).findFirst();
        softly.assertThat(mount).as(what + "a volume mounted at " + file.getParent() + " (KAFKA_SSL_TRUSTSTORE_LOCATION)").isPresent();
        mount.ifPresent(m -> {
            Optional<Volume> volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(m.getName())).findFirst();
            softly.assertThat(volume.map(v -> v.getSecret() == null ? null : v.getSecret().getSecretName()))
                    .as(what + "volume " + m.getName() + " is the Secret of the cluster CA").contains(caSecret);
            volume.filter(v -> v.getSecret() != null && v.getSecret().getItems() != null).ifPresent(v -> softly
                    .assertThat(v.getSecret().getItems()).as(what + "volume " + v.getName() + " puts ca.crt at " + location)
                    .anyMatch(i -> "ca.crt".equals(i.getKey()) && file.getFileName().toString().equals(i.getPath())));
        });
    }

    /** token-service creates each partner's topics at its registration: Create (and Describe) on every one of them. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void tokenServiceMayCreateEveryPartnersTopics(Environment environment) {
        Rendering r = Rendering.of(environment);
        List<Map<String, Object>> acls = user(r, "token-service").map(u -> u.<List<Map<String, Object>>>get("spec", "authorization", "acls"))
                .orElse(List.of());
        SoftAssertions softly = new SoftAssertions();
        for (long partner : new long[] { 7, 42, 420 }) {
            for (PartnerTopics.Topic topic : PartnerTopics.of(partner)) {
                for (String operation : List.of("Create", "Describe")) {
                    softly.assertThat(allows(acls, "topic", topic.name(), false, operation))
                            .as(r.where() + "KafkaUser token-service: " + operation + " on " + topic.name()).isTrue();
                }
            }
        }
        softly.assertThat(allows(acls, "topic", Topics.CATALOG_PRODUCTS, false, "Create")).as(r.where() + "token-service creates no fixed topic")
                .isFalse();
        softly.assertAll();
    }

    private static Optional<GenericKubernetesResource> user(Rendering r, String name) {
        return r.custom("KafkaUser").stream().filter(u -> u.getMetadata().getName().equals(name)).findFirst();
    }

    /**
     * Whether an allow ACL grants the operation on the resource: a literal ACL on its name or a prefixed ACL on a
     * prefix of it. For a prefix (many resources) only a prefixed ACL on a prefix of that prefix covers them all.
     */
    static boolean allows(List<Map<String, Object>> acls, String type, String name, boolean prefix, String operation) {
        return acls.stream().anyMatch(acl -> {
            Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
            String patternType = resource.get("patternType") == null ? "literal" : String.valueOf(resource.get("patternType"));
            String aclName = String.valueOf(resource.get("name"));
            List<?> operations = acl.get("operations") instanceof List<?> ops ? ops : List.of(String.valueOf(acl.get("operation")));
            boolean named = "literal".equals(patternType) ? !prefix && (aclName.equals(name) || "*".equals(aclName))
                    : name.startsWith(aclName);
            return type.equals(resource.get("type")) && !"deny".equals(acl.get("type")) && named
                    && (operations.contains(operation) || operations.contains("All"));
        });
    }
}
