package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerplatform.events.Environment;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * Each workload's NetworkPolicy admits exactly what the platform's call graph ({@link Platform#HTTP_CALLS}) needs:
 * who may call it, and what it may reach (DNS, Kafka, its own database, the services it calls). Nothing more.
 */
class NetworkPoliciesTest {
    /** Namespaces outside the platform that may call a workload: the Ingress controller, Prometheus, finance. */
    private static final String INGRESS_NGINX = "namespace ingress-nginx";
    private static final String MONITORING = "namespace monitoring";
    /** Where every workload may export its traces: the OpenTelemetry Collector's OTLP/HTTP port. */
    private static final String TRACE_COLLECTOR = "namespace observability";
    /** settlement-service's API is also read by finance from its own namespace (base/settlement-service.yaml). */
    private static final Map<String, Set<String>> DIRECT_CALLERS = Map.of(Platform.SETTLEMENT, Set.of("namespace finance"));

    @Test
    void everyWorkloadIsInTheGraph() {
        assertThat(Platform.HTTP_CALLS.keySet()).as("Platform.HTTP_CALLS").containsExactlyInAnyOrderElementsOf(Platform.WORKLOADS);
    }

    /** The picture in Platform must be what the code is configured with: platform.<service>.url in application.properties. */
    @Test
    void callGraphIsTheServicesConfiguredInTheCode() {
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.WORKLOADS) {
            softly.assertThat(Platform.configuredCalls(workload))
                    .as(workload + "/src/main/resources/application.properties platform.<service>.url against Platform.HTTP_CALLS")
                    .containsExactlyInAnyOrderElementsOf(Platform.HTTP_CALLS.get(workload));
        }
        softly.assertAll();
    }

    /** PLATFORM_<SERVICE>_URL of each call names the called service's Service and port inside the cluster. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void serviceUrlsPointAtTheServicesCalled(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            String workload = d.getMetadata().getName();
            Map<String, String> env = r.environment(Rendering.container(d));
            Set<String> urlVariables = env.keySet().stream().filter(k -> k.matches("PLATFORM_[A-Z_]+_SERVICE_URL"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = Platform.HTTP_CALLS.get(workload).stream()
                    .map(callee -> Platform.urlVariable(callee))
                    .collect(Collectors.toCollection(TreeSet::new));
            String what = r.where() + "Deployment " + workload + " ";
            softly.assertThat(urlVariables).as(what + "PLATFORM_*_SERVICE_URL variables").isEqualTo(expected);
            for (String callee : Platform.HTTP_CALLS.get(workload)) {
                String variable = Platform.urlVariable(callee);
                if (env.get(variable) == null) {
                    continue;
                }
                URI url = URI.create(env.get(variable));
                var service = r.named(Service.class, url.getHost());
                softly.assertThat(service).as(what + variable + "=" + url + ": a Service of that name").isPresent();
                service.ifPresent(s -> {
                    softly.assertThat(Selectors.matches(s.getSpec().getSelector(), Selectors.podLabels(r.deployment(callee))))
                            .as(what + variable + "=" + url + ": Service " + s.getMetadata().getName() + " selects " + callee)
                            .isTrue();
                    softly.assertThat(s.getSpec().getPorts()).as(what + variable + "=" + url + ": port of Service "
                            + s.getMetadata().getName()).anyMatch(p -> p.getPort() == url.getPort());
                });
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyWorkloadHasOneIngressAndEgressPolicy(Environment environment) {
        Rendering r = Rendering.of(environment);
        NetworkModel model = new NetworkModel(r);
        SoftAssertions softly = new SoftAssertions();
        for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
            softly.assertThat(model.selected(p)).as(r.where() + "NetworkPolicy " + p.getMetadata().getName() + " selects")
                    .extracting(NetworkModel.Party::name).hasSize(1).allMatch(Platform.WORKLOADS::contains);
        }
        for (String workload : Platform.WORKLOADS) {
            List<NetworkPolicy> policies = policiesOf(r, model, workload);
            softly.assertThat(policies).as(r.where() + "NetworkPolicies selecting " + workload).hasSize(1);
            policies.forEach(p -> softly.assertThat(p.getSpec().getPolicyTypes())
                    .as(r.where() + "NetworkPolicy " + p.getMetadata().getName() + " policyTypes")
                    .containsExactlyInAnyOrder("Ingress", "Egress"));
        }
        softly.assertAll();
    }

    /** Admitted: the workloads that call it, on its HTTP port; the Ingress controller if routed; Prometheus if scraped. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void ingressAdmitsOnlyItsCallers(Environment environment) {
        Rendering r = Rendering.of(environment);
        NetworkModel model = new NetworkModel(r);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.WORKLOADS) {
            String port = "TCP/" + model.party(workload).namedPorts().get("http");
            Map<String, Set<String>> expected = new TreeMap<>();
            Platform.callers(workload).forEach(caller -> expected.put(caller, Set.of(port)));
            if (routedByAnIngress(r, workload)) {
                expected.put(INGRESS_NGINX, Set.of(port));
            }
            if ("true".equals(r.deployment(workload).getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/scrape"))) {
                expected.put(MONITORING, Set.of(port));
            }
            DIRECT_CALLERS.getOrDefault(workload, Set.of()).forEach(ns -> expected.put(ns, Set.of(port)));
            for (NetworkPolicy p : policiesOf(r, model, workload)) {
                NetworkModel.Admitted admitted = model.ingress(p);
                String what = r.where() + "NetworkPolicy " + p.getMetadata().getName() + " ingress";
                softly.assertThat(admitted.problems()).as(what).isEmpty();
                softly.assertThat(admitted.parties()).as(what + " (who may call " + workload + ", on which port)")
                        .containsExactlyInAnyOrderEntriesOf(expected);
            }
        }
        softly.assertAll();
    }

    /** Reachable: DNS; the trace collector; the services it calls, on their HTTP port; Kafka's listener and its own database, if it has them. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void egressReachesOnlyWhatItUses(Environment environment) {
        Rendering r = Rendering.of(environment);
        NetworkModel model = new NetworkModel(r);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.WORKLOADS) {
            Map<String, Set<String>> expected = new TreeMap<>();
            expected.put(NetworkModel.DNS, Set.of("UDP/53", "TCP/53"));
            expected.put(TRACE_COLLECTOR, Set.of("TCP/4318"));
            Platform.HTTP_CALLS.get(workload)
                    .forEach(callee -> expected.put(callee, Set.of("TCP/" + model.party(callee).namedPorts().get("http"))));
            if (Platform.KAFKA_CLIENTS.contains(workload)) {
                URI bootstrap = Kafka.bootstrap(r.environment(Rendering.container(r.deployment(workload)))
                        .get("KAFKA_BOOTSTRAP_SERVERS"));
                String cluster = bootstrap.getHost().replaceFirst("-kafka-bootstrap$", "");
                expected.put("kafka " + cluster, Set.of("TCP/" + bootstrap.getPort()));
            }
            if (Platform.DATABASES.containsKey(workload)) {
                expected.put(Platform.DATABASES.get(workload), Set.of("TCP/5432"));
            }
            for (NetworkPolicy p : policiesOf(r, model, workload)) {
                NetworkModel.Admitted admitted = model.egress(p);
                String what = r.where() + "NetworkPolicy " + p.getMetadata().getName() + " egress";
                softly.assertThat(admitted.problems()).as(what).isEmpty();
                softly.assertThat(admitted.parties()).as(what + " (what " + workload + " may reach, on which port)")
                        .containsExactlyInAnyOrderEntriesOf(expected);
            }
        }
        softly.assertAll();
    }

    /** Strimzi's own NetworkPolicy for the listener admits its networkPolicyPeers: every Kafka client must be one. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void kafkaListenerAdmitsEveryKafkaClient(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.KAFKA_CLIENTS) {
            URI bootstrap = Kafka.bootstrap(r.environment(Rendering.container(r.deployment(workload))).get("KAFKA_BOOTSTRAP_SERVERS"));
            String what = r.where() + workload + " KAFKA_BOOTSTRAP_SERVERS=" + bootstrap.getAuthority();
            var listener = Kafka.listener(r, bootstrap);
            softly.assertThat(listener).as(what + ": a listener of a rendered Kafka on that port").isPresent();
            listener.ifPresent(l -> {
                List<Map<String, Object>> peers = (List<Map<String, Object>>) l.get("networkPolicyPeers");
                if (peers != null) {
                    Map<String, String> labels = Selectors.podLabels(r.deployment(workload));
                    softly.assertThat(peers).as(what + ": listener " + l.get("name") + " networkPolicyPeers admit its pods " + labels)
                            .anyMatch(peer -> peer.get("namespaceSelector") == null && peer.get("podSelector") != null
                                    && Selectors.matches(Rendering.convert(peer.get("podSelector"), LabelSelector.class), labels));
                }
            });
        }
        softly.assertAll();
    }

    private static List<NetworkPolicy> policiesOf(Rendering r, NetworkModel model, String workload) {
        return r.all(NetworkPolicy.class).stream()
                .filter(p -> model.selected(p).stream().anyMatch(party -> party.name().equals(workload))).toList();
    }

    private static boolean routedByAnIngress(Rendering r, String workload) {
        Deployment d = r.deployment(workload);
        return r.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> r.named(Service.class, path.getBackend().getService().getName()))
                .anyMatch(s -> s.isPresent() && Selectors.matches(s.get().getSpec().getSelector(), Selectors.podLabels(d)));
    }
}
