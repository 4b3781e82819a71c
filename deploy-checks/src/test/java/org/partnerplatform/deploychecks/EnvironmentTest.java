package org.partnerplatform.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerplatform.events.Environment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * Each overlay is one environment, all through: its namespace, its public hosts, and the issuer, audience and portal
 * URLs that must agree with the Ingresses (a token whose issuer is not the host that serves it fails every check).
 */
class EnvironmentTest {

    @Test
    void overlaysAreTheEnvironments() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.path("deploy/overlays"))) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .as("deploy/overlays/*: one per Environment, named by its label")
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(Environment.values()).map(Environment::label).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everythingIsInTheNamespaceOfTheEnvironment(Environment environment) {
        Rendering r = Rendering.of(environment);
        String namespace = "partnerplatform-" + environment.label();
        assertThat(r.all(Namespace.class)).as(r.where() + "Namespaces").extracting(n -> n.getMetadata().getName())
                .containsExactly(namespace);
        assertThat(r.objects.stream().filter(o -> !(o instanceof Namespace)))
                .as(r.where() + "objects outside namespace " + namespace)
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(describe(o)).isEqualTo(namespace));
    }

    /** No host of another environment: a staging URL in production would send its persons and tokens to staging. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void hostsAreOnlyTheEnvironmentsOwn(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> hosts = new TreeMap<>();
        for (Ingress i : r.all(Ingress.class)) {
            i.getSpec().getRules().forEach(rule -> hosts.put(rule.getHost(), "Ingress " + i.getMetadata().getName() + " host"));
            i.getSpec().getTls().forEach(tls -> tls.getHosts().forEach(h -> hosts.put(h, "Ingress " + i.getMetadata().getName() + " tls")));
        }
        for (ConfigMap map : r.all(ConfigMap.class)) {
            map.getData().forEach((key, value) -> Arrays.stream(value.split(",")).map(String::trim)
                    .filter(v -> v.startsWith("http")).map(v -> URI.create(v).getHost())
                    .filter(h -> h.contains(".")) // in-cluster Service names have no dots
                    .forEach(h -> hosts.put(h, "ConfigMap " + map.getMetadata().getName() + " " + key)));
        }
        for (Map.Entry<String, String> e : hosts.entrySet()) {
            Set<String> labels = Set.of(e.getKey().split("\\."));
            for (Environment other : Environment.values()) {
                if (other != environment) {
                    softly.assertThat(labels).as(r.where() + e.getValue() + " " + e.getKey() + " is a host of " + other)
                            .doesNotContain(other.label());
                }
            }
            if (environment != Environment.PRODUCTION) {
                softly.assertThat(labels).as(r.where() + e.getValue() + " " + e.getKey() + " names " + environment.label())
                        .contains(environment.label());
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void issuerAndAudienceAreTheHostsThatServeThem(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> token = env(r, Platform.TOKEN);
        String issuer = token.get("PLATFORM_TOKEN_ISSUER");
        softly.assertThat(issuer).as(r.where() + "token-service PLATFORM_TOKEN_ISSUER").isNotNull();
        if (issuer != null) {
            softly.assertThat(issuer).as(r.where() + "token-service PLATFORM_TOKEN_ISSUER: https://<host routing /oauth/token>/")
                    .isIn(hostsRouting(r, Platform.TOKEN, "/oauth/token").stream().map(h -> "https://" + h + "/").toList());
        }
        Set<String> apiHosts = hostsRouting(r, Platform.CATALOG, "/v1/catalog");
        for (String workload : Platform.WORKLOADS) {
            softly.assertThat(env(r, workload).get("PLATFORM_AUDIENCE"))
                    .as(r.where() + workload + " PLATFORM_AUDIENCE: https://<the API host> (what token-service issues for "
                            + "and the resource servers accept)")
                    .isIn(apiHosts.stream().map(h -> "https://" + h).toList());
        }
        softly.assertAll();
    }

    /** The portal sends browsers to token-service's public pages and is sent back to its own public host. */
    @ParameterizedTest
    @EnumSource(Environment.class)
    void portalAndTokenServiceAgreeOnEachOthersPublicUrls(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> token = env(r, Platform.TOKEN);
        Map<String, String> portal = env(r, Platform.PORTAL);
        String issuer = token.get("PLATFORM_TOKEN_ISSUER");
        String what = r.where() + "partner-portal ";
        softly.assertThat(portal.get("QUARKUS_OIDC_TOKEN_ISSUER")).as(what + "QUARKUS_OIDC_TOKEN_ISSUER (token-service's issuer)")
                .isEqualTo(issuer);
        for (String variable : List.of("QUARKUS_OIDC_AUTHORIZATION_PATH", "QUARKUS_OIDC_END_SESSION_PATH")) {
            String url = portal.get(variable);
            softly.assertThat(url).as(what + variable).isNotNull();
            if (url != null) {
                URI uri = URI.create(url);
                softly.assertThat(hostsRouting(r, Platform.TOKEN, uri.getPath()))
                        .as(what + variable + "=" + url + ": a host whose Ingress routes " + uri.getPath() + " to token-service")
                        .contains(uri.getHost());
            }
        }
        var portalConfig = Platform.applicationProperties(Platform.PORTAL);
        Set<String> portalHosts = hostsRouting(r, Platform.PORTAL, "/oidc");
        Map.of("PLATFORM_TOKEN_PORTAL_REDIRECT_URIS", portalConfig.getProperty("quarkus.oidc.authentication.redirect-path"),
                "PLATFORM_TOKEN_PORTAL_POST_LOGOUT_REDIRECT_URIS", portalConfig.getProperty("quarkus.oidc.logout.post-logout-path"))
                .forEach((variable, path) -> softly.assertThat(token.get(variable))
                        .as(r.where() + "token-service " + variable + ": the portal's public host and its " + path)
                        .isIn(portalHosts.stream().map(h -> "https://" + h + path).toList()));
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void ingressesHaveTlsForEveryHost(Environment environment) {
        Rendering r = Rendering.of(environment);
        SoftAssertions softly = new SoftAssertions();
        for (Ingress i : r.all(Ingress.class)) {
            Set<String> tls = i.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).collect(Collectors.toSet());
            i.getSpec().getRules().forEach(rule -> softly.assertThat(tls)
                    .as(r.where() + "Ingress " + i.getMetadata().getName() + " tls hosts").contains(rule.getHost()));
        }
        softly.assertAll();
    }

    /** The hosts whose Ingress rules send this path to the workload's Service. */
    static Set<String> hostsRouting(Rendering r, String workload, String path) {
        Deployment d = r.deployment(workload);
        Set<String> hosts = new TreeSet<>();
        for (Ingress i : r.all(Ingress.class)) {
            i.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().stream()
                    .filter(p -> "Exact".equals(p.getPathType()) ? p.getPath().equals(path)
                            : path.equals(p.getPath()) || path.startsWith(p.getPath().endsWith("/") ? p.getPath() : p.getPath() + "/"))
                    .filter(p -> r.named(Service.class, p.getBackend().getService().getName())
                            .filter(s -> Selectors.matches(s.getSpec().getSelector(), Selectors.podLabels(d))).isPresent())
                    .findAny().ifPresent(p -> hosts.add(rule.getHost())));
        }
        return hosts;
    }

    private static Map<String, String> env(Rendering r, String workload) {
        return r.environment(Rendering.container(r.deployment(workload)));
    }

    private static String describe(HasMetadata o) {
        return o.getKind() + " " + o.getMetadata().getName() + " namespace";
    }
}
