package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.Platform;
import org.partnerplatform.devinfra.Platform.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every metric that an alert (deploy/monitoring/prometheus-rules.yaml) or a dashboard panel
 * (deploy/monitoring/grafana-dashboard.json) reads exists on a running service's /q/metrics: an alert on a metric
 * nobody exports never fires, and nobody notices.
 */
class MonitoringIT {
    private static final Path MONITORING = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize()
            .resolve("deploy/monitoring");
    /** Made by Prometheus itself, not by a service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "irate", "delta",
            "clamp_min", "clamp_max", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
            "histogram_quantile", "label_values", "abs", "topk", "bottomk", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everyMetricAnAlertOrAPanelReadsIsExportedByARunningService() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode rules = new YAMLMapper().readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        rules.path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asText())));
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("type").asText().equals("query")) {
                // label_values(metric, label): the metric is read, the label is not a metric.
                expressions.add(v.path("query").asText().replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*\\w+\\s*\\)", "$1"));
            }
        });
        assertThat(expressions).hasSizeGreaterThan(10).doesNotContain("");

        Set<String> used = new TreeSet<>();
        expressions.forEach(e -> used.addAll(metricNames(e)));
        used.removeAll(PROMETHEUS_OWN);

        Set<String> exported = exported();
        assertThat(used).as("metrics the alerts and panels read").isNotEmpty();
        assertThat(exported).as("metrics on the services' /q/metrics").containsAll(used);
    }

    @Test
    void theBusinessMetricsCountWhatHappened() {
        var seller = PartnerPlatformApi.onboardSeller("Kolumbus", "KOL", "Måleverk AS", "maleverk-app", "KOL:SalesPackage:Metric", "50.00");
        String sales = RunningPlatform.url(Service.SALES);
        String token = RunningPlatform.url(Service.TOKEN);
        String confirmed = "platform_sales_total{channel=\"rest\",outcome=\"confirmed\",reason=\"none\"}";
        String unknown = "platform_sales_total{channel=\"rest\",outcome=\"rejected\",reason=\"unknown-product\"}";
        String refused = "platform_token_grants_total{error=\"invalid_client\",grant_type=\"client_credentials\",outcome=\"refused\"}";
        double confirmedBefore = value(sales, confirmed);
        double unknownBefore = value(sales, unknown);
        double refusedBefore = value(token, refused);

        String partnerToken = PartnerPlatformApi.token(seller.client());
        for (var sale : List.of(java.util.Map.entry("KOL:SalesPackage:Metric", 201), java.util.Map.entry("KOL:SalesPackage:Nothing", 422))) {
            given().auth().oauth2(partnerToken).header("Idempotency-Key", "metric-" + sale.getKey()).contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("lines", List.of(java.util.Map.of("productId", sale.getKey(), "userProfile", "ADULT", "quantity", 1))))
                    .post(sales + "/v1/sales").then().statusCode(sale.getValue());
        }
        given().formParam("grant_type", "client_credentials").formParam("client_id", seller.client().clientId())
                .formParam("client_secret", "not-the-secret").post(token + "/oauth/token").then().statusCode(401);

        assertThat(value(sales, confirmed)).isEqualTo(confirmedBefore + 1);
        assertThat(value(sales, unknown)).isEqualTo(unknownBefore + 1);
        assertThat(value(token, refused)).isEqualTo(refusedBefore + 1);
    }

    /** A series' value on a service's /q/metrics, 0 when it is not there (without the exemplar that may follow it). */
    private static double value(String service, String series) {
        return given().get(service + "/q/metrics").then().statusCode(200).extract().asString().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim().split(" ")[0])).sum();
    }

    @Test
    void theExtractorFindsMetricsAndNotLabelsFunctionsOrStrings() {
        assertThat(metricNames("sum by (namespace, topic) (increase(platform_dead_letters_total{topic=~\"sales.*\"}[10m])) > 0"))
                .containsExactly("platform_dead_letters_total");
        assertThat(metricNames("max(a_b) / clamp_min(sum by (pod) (rate(c_d{x=\"y\"}[5m])), 0.001) > 0.2")).containsExactly("a_b", "c_d");
        assertThat(metricNames("increase(e_f[24h] offset 26h) > 0 or (g_h unless g_h offset 10m)")).containsExactly("e_f", "g_h");
    }

    /** The metric names in a PromQL expression: what is left once strings, label matchers, groupings, ranges and functions are gone. */
    static Set<String> metricNames(String expression) {
        String e = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b\\d+(ms|s|m|h|d|w|y)\\b", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric names on every service's /q/metrics, after a request to each so that the HTTP series exist. */
    private static Set<String> exported() {
        Platform platform = RunningPlatform.get();
        List<String> urls = new ArrayList<>();
        for (Service s : Service.values()) {
            urls.add(platform.url(s));
        }
        if (platform.portalUrl() != null) {
            urls.add(platform.portalUrl());
        }
        Set<String> names = new TreeSet<>();
        given().header("ET-Client-Name", "monitoring-it").get(platform.url(Service.TOKEN) + "/.well-known/openid-configuration").then().statusCode(200);
        for (String url : urls) {
            // Any answer will do (the portal sends a browser to sign in): it makes the HTTP series exist.
            given().header("ET-Client-Name", "monitoring-it").redirects().follow(false).get(url + "/v1/no-such-resource");
            String text = given().get(url + "/q/metrics").then().statusCode(200).extract().asString();
            text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
                Matcher m = IDENTIFIER.matcher(l);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            });
        }
        return names;
    }
}
