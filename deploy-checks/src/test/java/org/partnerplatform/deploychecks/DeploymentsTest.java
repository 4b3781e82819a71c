package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerplatform.events.Environment;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every Deployment of every overlay: health probes, resources, a restricted security context, its environment. */
class DeploymentsTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyWorkloadIsDeployedOnce(Environment environment) {
        Rendering r = Rendering.of(environment);
        assertThat(r.all(Deployment.class)).as(r.where() + "Deployments").extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Platform.WORKLOADS);
    }

    /** Quarkus SmallRye Health's paths, on the port Quarkus listens on (QUARKUS_HTTP_PORT). */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void probesAskQuarkusHealth(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            Container c = Rendering.container(d);
            String httpPort = r.environment(c).get("QUARKUS_HTTP_PORT");
            String what = r.where() + "Deployment " + d.getMetadata().getName() + " ";
            softly.assertThat(httpPort).as(what + "QUARKUS_HTTP_PORT").isNotNull();
            probe(softly, what + "readinessProbe", c, c.getReadinessProbe(), "/q/health/ready", httpPort);
            probe(softly, what + "livenessProbe", c, c.getLivenessProbe(), "/q/health/live", httpPort);
            // The services migrate their database at start: without a startup probe, liveness would kill them mid-way.
            probe(softly, what + "startupProbe", c, c.getStartupProbe(), "/q/health/started", httpPort);
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void requestsAndLimitsCpuAndMemory(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            Container c = Rendering.container(d);
            String what = r.where() + "Deployment " + d.getMetadata().getName() + " resources.";
            Map<String, Quantity> requests = c.getResources() == null ? Map.of() : orEmpty(c.getResources().getRequests());
            Map<String, Quantity> limits = c.getResources() == null ? Map.of() : orEmpty(c.getResources().getLimits());
            for (String resource : List.of("cpu", "memory")) {
                softly.assertThat(requests).as(what + "requests").containsKey(resource);
                softly.assertThat(limits).as(what + "limits").containsKey(resource);
                if (requests.containsKey(resource) && limits.containsKey(resource)) {
                    BigDecimal request = Quantity.getAmountInBytes(requests.get(resource));
                    BigDecimal limit = Quantity.getAmountInBytes(limits.get(resource));
                    softly.assertThat(request).as(what + "requests." + resource + " (must be above 0)").isPositive();
                    softly.assertThat(request).as(what + "requests." + resource + " against limits." + resource)
                            .isLessThanOrEqualTo(limit);
                }
            }
        }
        softly.assertAll();
    }

    /** The namespaces warn on "restricted": non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void runsAsNonRootOnAReadOnlyRoot(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Container c = Rendering.container(d);
            String what = r.where() + "Deployment " + d.getMetadata().getName() + " ";
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            SecurityContext context = Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
            Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
            Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext.getSeccompProfile() == null ? null : podContext.getSeccompProfile().getType();
            softly.assertThat(nonRoot).as(what + "runAsNonRoot (pod or container securityContext)").isTrue();
            softly.assertThat(user).as(what + "runAsUser (root is refused with runAsNonRoot)").isNotEqualTo(0L);
            softly.assertThat(context.getReadOnlyRootFilesystem()).as(what + "securityContext.readOnlyRootFilesystem").isTrue();
            softly.assertThat(context.getAllowPrivilegeEscalation()).as(what + "securityContext.allowPrivilegeEscalation")
                    .isFalse();
            softly.assertThat(context.getPrivileged()).as(what + "securityContext.privileged").isNotEqualTo(Boolean.TRUE);
            Capabilities caps = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
            softly.assertThat(caps.getDrop()).as(what + "securityContext.capabilities.drop").contains("ALL");
            softly.assertThat(caps.getAdd()).as(what + "securityContext.capabilities.add").isNullOrEmpty();
            softly.assertThat(seccomp).as(what + "seccompProfile.type").isEqualTo("RuntimeDefault");
        }
        softly.assertAll();
    }

    /** A read-only root needs somewhere to write: Quarkus and the JVM write to /tmp. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void writesOnlyToAnEmptyDirTmp(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            List<Volume> volumes = d.getSpec().getTemplate().getSpec().getVolumes();
            Container c = Rendering.container(d);
            String what = r.where() + "Deployment " + d.getMetadata().getName() + " ";
            for (VolumeMount mount : c.getVolumeMounts()) {
                softly.assertThat(volumes).as(what + "volume of the mount " + mount.getMountPath())
                        .anyMatch(v -> v.getName().equals(mount.getName()));
            }
            Optional<VolumeMount> tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
            softly.assertThat(tmp).as(what + "a volumeMount at /tmp").isPresent();
            tmp.ifPresent(mount -> softly.assertThat(volumes)
                    .as(what + "volume " + mount.getName() + " at /tmp must be an emptyDir")
                    .anyMatch(v -> v.getName().equals(mount.getName()) && v.getEmptyDir() != null));
            tmp.ifPresent(mount -> softly.assertThat(mount.getReadOnly()).as(what + "/tmp mount readOnly").isNotEqualTo(true));
        }
        softly.assertAll();
    }

    /** PLATFORM_ENVIRONMENT decides what is allowed (dev-only secrets are refused in PRODUCTION): it must be the overlay's. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void runsInTheEnvironmentOfItsOverlay(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            Map<String, String> env = r.environment(Rendering.container(d));
            softly.assertThat(env.get("PLATFORM_ENVIRONMENT"))
                    .as(r.where() + "Deployment " + d.getMetadata().getName() + " PLATFORM_ENVIRONMENT (env or envFrom)")
                    .isEqualTo(environment.name());
        }
        softly.assertAll();
    }

    /**
     * Service-link variables (PLATFORM_KAFKA_KAFKA_BOOTSTRAP_PORT and the like) would be read by Quarkus as
     * configuration; the services never call the Kubernetes API, so they get no service-account token.
     */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void noServiceLinksAndNoServiceAccountToken(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String what = r.where() + "Deployment " + d.getMetadata().getName() + " ";
            softly.assertThat(pod.getEnableServiceLinks()).as(what + "enableServiceLinks").isFalse();
            softly.assertThat(pod.getAutomountServiceAccountToken()).as(what + "automountServiceAccountToken").isFalse();
        }
        softly.assertAll();
    }

    /** Images come from the overlay's images: list, with a tag, never :latest. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void imagesArePinned(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment d : r.all(Deployment.class)) {
            String image = Rendering.container(d).getImage();
            softly.assertThat(image).as(r.where() + "Deployment " + d.getMetadata().getName() + " image")
                    .matches("partnerplatform/" + d.getMetadata().getName() + "(:[\\w.-]+|@sha256:[0-9a-f]{64})")
                    .doesNotEndWith(":latest");
        }
        softly.assertAll();
    }

    private static void probe(SoftAssertions softly, String what, Container c, Probe probe, String path, String httpPort) {
        softly.assertThat(probe).as(what).isNotNull();
        if (probe == null) {
            return;
        }
        softly.assertThat(probe.getHttpGet()).as(what + ".httpGet").isNotNull();
        if (probe.getHttpGet() == null) {
            return;
        }
        softly.assertThat(probe.getHttpGet().getPath()).as(what + ".httpGet.path").isEqualTo(path);
        Optional<Integer> port = containerPort(c, probe.getHttpGet().getPort());
        softly.assertThat(port).as(what + ".httpGet.port " + probe.getHttpGet().getPort() + " must be a container port")
                .isPresent();
        port.ifPresent(p -> softly.assertThat(String.valueOf(p)).as(what + ".httpGet.port against QUARKUS_HTTP_PORT")
                .isEqualTo(httpPort));
    }

    /** A port by name or number, as the container declares it. */
    static Optional<Integer> containerPort(Container c, IntOrString port) {
        return c.getPorts().stream().filter(p -> matches(p, port)).map(ContainerPort::getContainerPort).findFirst();
    }

    private static boolean matches(ContainerPort p, IntOrString port) {
        return port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort()) : port.getStrVal().equals(p.getName());
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }
}
