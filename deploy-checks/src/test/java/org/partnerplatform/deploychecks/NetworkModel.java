package org.partnerplatform.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The pods a NetworkPolicy of an overlay can name, and what its rules admit. The platform's pods are the Deployments'
 * and those the operators start from rendered resources, with the labels the operators give them: Strimzi's brokers
 * (strimzi.io/cluster, strimzi.io/broker-role) and CloudNativePG's instances (cnpg.io/cluster). Outside the namespace,
 * kube-dns in kube-system; any other namespace counts as a whole ("namespace <name>").
 */
final class NetworkModel {
    static final String DNS = "kube-dns";
    static final String ANY_PORT = "any port";

    /** A pod (or kind of pod) a rule can admit; namespace null for the overlay's own. */
    record Party(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    /** What a policy's rules admit, party by party: "TCP/8080", or ANY_PORT; problems with rules it cannot judge. */
    record Admitted(Map<String, Set<String>> parties, List<String> problems) {
    }

    final List<Party> local = new ArrayList<>();
    private final Party dns = new Party(DNS, "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    private final String namespace;

    NetworkModel(Rendering r) {
        namespace = "partnerplatform-" + r.environment.label();
        for (Deployment d : r.all(Deployment.class)) {
            Map<String, Integer> ports = Rendering.container(d).getPorts().stream().filter(p -> p.getName() != null)
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            local.add(new Party(d.getMetadata().getName(), null, Selectors.podLabels(d), ports));
        }
        for (GenericKubernetesResource pool : r.custom("KafkaNodePool")) {
            List<String> roles = pool.get("spec", "roles");
            if (roles.contains("broker")) {
                String cluster = pool.getMetadata().getLabels().get("strimzi.io/cluster");
                local.add(new Party("kafka " + cluster, null, Map.of("strimzi.io/cluster", cluster,
                        "strimzi.io/broker-role", "true", "strimzi.io/pool-name", pool.getMetadata().getName(),
                        "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka"), Map.of()));
            }
        }
        for (GenericKubernetesResource db : r.custom("Cluster")) {
            local.add(new Party(db.getMetadata().getName(), null, Map.of("cnpg.io/cluster", db.getMetadata().getName(),
                    "cnpg.io/podRole", "instance"), Map.of()));
        }
    }

    Party party(String name) {
        return local.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    Admitted ingress(NetworkPolicy policy) {
        Admitted admitted = new Admitted(new TreeMap<>(), new ArrayList<>());
        if (policy.getSpec().getIngress() != null) {
            policy.getSpec().getIngress().forEach(rule -> admit(admitted, rule.getFrom(), rule.getPorts(), selected(policy)));
        }
        return admitted;
    }

    Admitted egress(NetworkPolicy policy) {
        Admitted admitted = new Admitted(new TreeMap<>(), new ArrayList<>());
        if (policy.getSpec().getEgress() != null) {
            policy.getSpec().getEgress().forEach(rule -> admit(admitted, rule.getTo(), rule.getPorts(), null));
        }
        return admitted;
    }

    /** The local parties (in practice, Deployments) the policy applies to. */
    List<Party> selected(NetworkPolicy policy) {
        return local.stream().filter(p -> Selectors.matches(policy.getSpec().getPodSelector(), p.labels())).toList();
    }

    /** Rule ports on the party that is reached: named ports are the target's (for ingress: the selected pods'). */
    private void admit(Admitted admitted, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, List<Party> self) {
        List<Party> parties = new ArrayList<>();
        if (peers == null || peers.isEmpty()) {
            admitted.problems().add("a rule without from/to admits every pod and address");
            return;
        }
        for (NetworkPolicyPeer peer : peers) {
            parties.addAll(parties(peer, admitted.problems()));
        }
        for (Party party : parties) {
            Set<String> set = admitted.parties().computeIfAbsent(party.name(), k -> new TreeSet<>());
            if (ports == null || ports.isEmpty()) {
                set.add(ANY_PORT);
                continue;
            }
            for (NetworkPolicyPort port : ports) {
                String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                if (port.getPort() == null || port.getEndPort() != null) {
                    set.add(ANY_PORT);
                } else if (port.getPort().getIntVal() != null) {
                    set.add(protocol + "/" + port.getPort().getIntVal());
                } else {
                    Map<String, Integer> named = self != null && !self.isEmpty() ? self.get(0).namedPorts() : party.namedPorts();
                    Integer number = named.get(port.getPort().getStrVal());
                    set.add(protocol + "/" + (number == null ? "unknown port name " + port.getPort().getStrVal() : number));
                }
            }
        }
    }

    private List<Party> parties(NetworkPolicyPeer peer, List<String> problems) {
        if (peer.getIpBlock() != null) {
            problems.add("ipBlock " + peer.getIpBlock().getCidr() + ": the platform's peers are pods, named by labels");
            return List.of();
        }
        LabelSelector pods = peer.getPodSelector();
        if (peer.getNamespaceSelector() == null) {
            return local.stream().filter(p -> Selectors.matches(pods, p.labels())).toList();
        }
        Map<String, String> ns = peer.getNamespaceSelector().getMatchLabels();
        boolean byName = ns != null && ns.size() == 1 && ns.containsKey("kubernetes.io/metadata.name")
                && (peer.getNamespaceSelector().getMatchExpressions() == null
                        || peer.getNamespaceSelector().getMatchExpressions().isEmpty());
        if (!byName) {
            problems.add("namespaceSelector " + peer.getNamespaceSelector()
                    + ": select namespaces by kubernetes.io/metadata.name, one per peer");
            return List.of();
        }
        String name = ns.get("kubernetes.io/metadata.name");
        if (name.equals(namespace)) {
            return local.stream().filter(p -> Selectors.matches(pods, p.labels())).toList();
        }
        if (Selectors.isEmpty(pods)) {
            return List.of(new Party("namespace " + name, name, Map.of(), Map.of()));
        }
        if (name.equals(dns.namespace()) && Selectors.matches(pods, dns.labels())) {
            return List.of(dns);
        }
        return List.of(new Party("pods " + pods + " of namespace " + name, name, Map.of(), Map.of()));
    }
}
