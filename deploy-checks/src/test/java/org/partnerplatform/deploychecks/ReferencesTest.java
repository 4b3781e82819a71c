package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerplatform.events.Environment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** What the objects of an overlay point at exists: Services' pods and ports, ConfigMaps, Secrets, PDBs' pods. */
class ReferencesTest {
    /** The Secrets whoever runs the platform creates by hand before the first deployment (docs/operations.md). */
    private static final String EXAMPLE_SECRETS = "deploy/examples/secret.example.yaml";

    @ParameterizedTest
    @EnumSource(Environment.class)
    void servicesSelectOneDeploymentAndItsPorts(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Service s : r.all(Service.class)) {
            String what = r.where() + "Service " + s.getMetadata().getName();
            List<Deployment> selected = r.all(Deployment.class).stream()
                    .filter(d -> Selectors.matches(s.getSpec().getSelector(), Selectors.podLabels(d))).toList();
            softly.assertThat(selected).as(what + " selector " + s.getSpec().getSelector() + " selects the pods of one Deployment")
                    .hasSize(1);
            for (Deployment d : selected) {
                for (ServicePort port : s.getSpec().getPorts()) {
                    softly.assertThat(DeploymentsTest.containerPort(Rendering.container(d), port.getTargetPort()))
                            .as(what + " targetPort " + port.getTargetPort() + " is a port of Deployment " + d.getMetadata().getName())
                            .isPresent();
                }
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void ingressesRouteToServicePorts(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Ingress ingress : r.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                IngressServiceBackend backend = path.getBackend().getService();
                String what = r.where() + "Ingress " + ingress.getMetadata().getName() + " path " + path.getPath() + " -> Service "
                        + backend.getName();
                softly.assertThat(r.named(Service.class, backend.getName())).as(what).isPresent();
                r.named(Service.class, backend.getName()).ifPresent(s -> softly.assertThat(s.getSpec().getPorts())
                        .as(what + " port " + backend.getPort())
                        .anyMatch(p -> backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                                : backend.getPort().getNumber().equals(p.getPort())));
            }));
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void configMapsThatDeploymentsReadExist(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            String what = r.where() + "Deployment " + d.getMetadata().getName() + " reads ConfigMap ";
            for (Reference ref : references(d, false)) {
                var map = r.named(ConfigMap.class, ref.name());
                softly.assertThat(map).as(what + ref.name() + " (" + ref.via() + "), which the overlay does not render").isPresent();
                map.ifPresent(m -> softly.assertThat(m.getData().keySet()).as(what + ref.name() + " keys").containsAll(ref.keys()));
            }
        }
        softly.assertAll();
    }

    /**
     * A Secret must be rendered, or made by an operator from a rendered resource (CloudNativePG: <cluster>-app;
     * Strimzi: a KafkaUser's Secret of its name, <kafka>-cluster-ca-cert), or be one of the Secrets created by hand
     * that deploy/examples/secret.example.yaml documents. The keys read must be among those the source provides.
     */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void secretsThatDeploymentsReadAreRenderedMadeByAnOperatorOrDocumented(Environment environment) {
        Rendering r = Rendering.of(environment);
        Map<String, Set<String>> available = new HashMap<>(exampleSecrets());
        r.all(Secret.class).forEach(s -> available.put(s.getMetadata().getName(), keys(s)));
        r.custom("Cluster").forEach(c -> available.put(c.getMetadata().getName() + "-app", Set.of("username", "password",
                "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri")));
        r.custom("KafkaUser").forEach(u -> available.put(u.getMetadata().getName(), Set.of("password", "sasl.jaas.config")));
        r.custom("Kafka").forEach(k -> available.put(k.getMetadata().getName() + "-cluster-ca-cert",
                Set.of("ca.crt", "ca.p12", "ca.password")));
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            for (Reference ref : references(d, true)) {
                String what = r.where() + "Deployment " + d.getMetadata().getName() + " reads Secret " + ref.name() + " ("
                        + ref.via() + ")";
                softly.assertThat(available).as(what + ": neither rendered, nor made by CloudNativePG or Strimzi from a rendered resource, nor in " + EXAMPLE_SECRETS)
                        .containsKey(ref.name());
                if (available.containsKey(ref.name())) {
                    softly.assertThat(available.get(ref.name())).as(what + " key").containsAll(ref.keys());
                }
            }
        }
        softly.assertAll();
    }

    /** A documented Secret that nothing reads is a stale instruction to whoever deploys. */
    @Test
    void everyDocumentedSecretIsRead() {
        Rendering r = Rendering.of(Environment.STAGING);
        Set<String> read = new TreeSet<>();
        r.all(Deployment.class).forEach(d -> references(d, true).forEach(ref -> read.add(ref.name())));
        assertThat(exampleSecrets()).as(EXAMPLE_SECRETS).isNotEmpty();
        assertThat(read).as(EXAMPLE_SECRETS + ": Secrets that no Deployment reads").containsAll(exampleSecrets().keySet());
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void disruptionBudgetsSelectPodsAndLetANodeDrain(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            String what = r.where() + "PodDisruptionBudget " + pdb.getMetadata().getName();
            List<Deployment> selected = r.all(Deployment.class).stream()
                    .filter(d -> !Selectors.isEmpty(pdb.getSpec().getSelector())
                            && Selectors.matches(pdb.getSpec().getSelector(), Selectors.podLabels(d))).toList();
            softly.assertThat(selected).as(what + " selects the pods of a Deployment").isNotEmpty();
            var maxUnavailable = pdb.getSpec().getMaxUnavailable();
            var minAvailable = pdb.getSpec().getMinAvailable();
            for (Deployment d : selected) {
                int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                // A budget that allows no eviction blocks every node drain and cluster upgrade.
                if (maxUnavailable != null && maxUnavailable.getIntVal() != null) {
                    softly.assertThat(maxUnavailable.getIntVal()).as(what + " maxUnavailable").isPositive();
                }
                if (minAvailable != null && minAvailable.getIntVal() != null) {
                    softly.assertThat(minAvailable.getIntVal()).as(what + " minAvailable against the " + replicas
                            + " replicas of " + d.getMetadata().getName()).isLessThan(replicas);
                }
            }
        }
        for (Deployment d : r.all(Deployment.class)) {
            softly.assertThat(r.all(PodDisruptionBudget.class)).as(r.where() + "a PodDisruptionBudget for Deployment "
                    + d.getMetadata().getName()).anyMatch(p -> Selectors.matches(p.getSpec().getSelector(), Selectors.podLabels(d)));
        }
        softly.assertAll();
    }

    /** Each service's datasource is the app user of its own CloudNativePG cluster; the portal has none. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void servicesUseTheirOwnDatabase(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Platform.WORKLOADS) {
            Map<String, String> env = r.environment(Rendering.container(r.deployment(workload)));
            String db = Platform.DATABASES.get(workload);
            String what = r.where() + "Deployment " + workload + " ";
            if (db == null) {
                softly.assertThat(env).as(what + "has no database").doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_DATASOURCE_REACTIVE_URL");
                continue;
            }
            softly.assertThat(r.custom("Cluster")).as(what + "its database, a CloudNativePG Cluster " + db)
                    .anyMatch(c -> c.getMetadata().getName().equals(db));
            Map.of("QUARKUS_DATASOURCE_USERNAME", "username", "QUARKUS_DATASOURCE_PASSWORD", "password",
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "uri", "QUARKUS_DATASOURCE_JDBC_URL", "jdbc-uri")
                    .forEach((variable, key) -> softly.assertThat(env.get(variable)).as(what + variable)
                            .isEqualTo("secret:" + db + "-app/" + key));
        }
        softly.assertAll();
    }

    /** A ConfigMap or Secret a Deployment reads, with the keys it needs of it and how it reads it. */
    record Reference(String name, Set<String> keys, String via) {
    }

    static List<Reference> references(Deployment d, boolean secrets) {
        List<Reference> refs = new ArrayList<>();
        Container c = Rendering.container(d);
        for (EnvFromSource from : c.getEnvFrom()) {
            if (secrets && from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                refs.add(new Reference(from.getSecretRef().getName(), Set.of(), "envFrom"));
            }
            if (!secrets && from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                refs.add(new Reference(from.getConfigMapRef().getName(), Set.of(), "envFrom"));
            }
        }
        for (EnvVar var : c.getEnv()) {
            var from = var.getValueFrom();
            if (secrets && from != null && from.getSecretKeyRef() != null && !Boolean.TRUE.equals(from.getSecretKeyRef().getOptional())) {
                refs.add(new Reference(from.getSecretKeyRef().getName(), Set.of(from.getSecretKeyRef().getKey()), "env " + var.getName()));
            }
            if (!secrets && from != null && from.getConfigMapKeyRef() != null
                    && !Boolean.TRUE.equals(from.getConfigMapKeyRef().getOptional())) {
                refs.add(new Reference(from.getConfigMapKeyRef().getName(), Set.of(from.getConfigMapKeyRef().getKey()),
                        "env " + var.getName()));
            }
        }
        for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
            if (secrets && v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
                refs.add(new Reference(v.getSecret().getSecretName(), itemKeys(v.getSecret().getItems()), "volume " + v.getName()));
            }
            if (!secrets && v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
                refs.add(new Reference(v.getConfigMap().getName(), itemKeys(v.getConfigMap().getItems()), "volume " + v.getName()));
            }
        }
        return refs;
    }

    /** The Secrets of deploy/examples/secret.example.yaml and their keys. */
    static Map<String, Set<String>> exampleSecrets() {
        try (InputStream in = Files.newInputStream(Repo.path(EXAMPLE_SECRETS))) {
            List<HasMetadata> secrets = new KubernetesSerialization().unmarshal(in);
            Map<String, Set<String>> keys = new HashMap<>();
            secrets.forEach(s -> keys.put(s.getMetadata().getName(), keys((Secret) s)));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keys(Secret s) {
        Set<String> keys = new HashSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }

    private static Set<String> itemKeys(List<KeyToPath> items) {
        return items == null ? Set.of() : items.stream().map(KeyToPath::getKey).collect(Collectors.toSet());
    }

}
