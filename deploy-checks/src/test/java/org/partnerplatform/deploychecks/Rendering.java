package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.partnerplatform.events.Environment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One overlay as {@code kubectl kustomize deploy/overlays/<environment>} renders it, read into fabric8's typed model
 * (Strimzi's and CloudNativePG's resources, which fabric8 does not know, as {@link GenericKubernetesResource}).
 * Rendered once per overlay and shared by the test classes.
 */
final class Rendering {
    private static final Map<Environment, Rendering> RENDERED = new ConcurrentHashMap<>();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final Environment environment;
    final List<HasMetadata> objects;

    private Rendering(Environment environment, List<HasMetadata> objects) {
        this.environment = environment;
        this.objects = objects;
    }

    static Rendering of(Environment environment) {
        return RENDERED.computeIfAbsent(environment, e -> new Rendering(e, parse(kustomize(overlay(e)))));
    }

    /** deploy/overlays/<environment label>, e.g. deploy/overlays/staging. */
    static Path overlay(Environment environment) {
        return Repo.path("deploy/overlays/" + environment.label());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources by kind (KafkaTopic, KafkaUser, Kafka, KafkaNodePool, Cluster). */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    Deployment deployment(String name) {
        return named(Deployment.class, name).orElseThrow(() -> new AssertionError(where() + "no Deployment " + name));
    }

    /** The one container of a platform Deployment (every Deployment here runs exactly one). */
    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            fail("Deployment %s has %d containers; the checks expect one", deployment.getMetadata().getName(), containers.size());
        }
        return containers.get(0);
    }

    /**
     * A container's environment as the kubelet builds it: envFrom in order (a later source wins), then env, which wins
     * over envFrom. Values from Secrets are not known here: they read "secret:<name>/<key>". A missing ConfigMap gives
     * nothing (ReferencesTest reports it).
     */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                named(ConfigMap.class, from.getConfigMapRef().getName())
                        .ifPresent(map -> map.getData().forEach((k, v) -> env.put(prefix + k, v)));
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                named(ConfigMap.class, ref.getName()).map(map -> map.getData().get(ref.getKey()))
                        .ifPresent(value -> env.put(var.getName(), value));
            } else if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                env.put(var.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            }
        }
        return env;
    }

    /** A piece of a generic resource (a map) as a fabric8 type. */
    static <T> T convert(Object value, Class<T> type) {
        return SERIALIZATION.convertValue(value, type);
    }

    /** A prefix for failure messages: which overlay. */
    String where() {
        return "deploy/overlays/" + environment.label() + ": ";
    }

    private static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<HasMetadata> objects = new ArrayList<>();
        Stream<?> items = parsed instanceof List<?> list ? list.stream()
                : parsed instanceof KubernetesList list ? list.getItems().stream() : Stream.of(parsed);
        items.forEach(item -> objects.add((HasMetadata) item));
        return List.copyOf(objects);
    }

    /** kubectl kustomize; a missing kubectl fails the check (never skips it): .ci/run installs it. */
    private static String kustomize(Path overlay) {
        String kubectl = kubectl().orElseThrow(() -> new AssertionError(
                "kubectl is not on the PATH: deploy-checks renders deploy/overlays with `kubectl kustomize`. Install it "
                        + "(Debian: apt-get install kubectl; .ci/run does so when it is missing)."));
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", overlay.toString())
                    .redirectError(stderr.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("kubectl kustomize %s did not finish within 2 minutes", overlay);
            }
            String err = Files.readString(stderr);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                fail("kubectl kustomize %s failed (exit %d):%n%s", overlay, process.exitValue(), err);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + " kustomize " + overlay, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted rendering " + overlay, e);
        }
    }

    private static Optional<String> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
