package org.partnerplatform.bench.sales;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST sale path, one sale per POST /v1/sales with a unique Idempotency-Key, driven by wrk at a number of
 * connections (bench/sales-rest.lua); then proved as the Kafka runs are, from the databases: every 201 is one order,
 * and every order one ledger entry, to the øre.
 */
final class RestRun {
    record Result(String name, int connections, Duration duration, String wrkOutput, long created, long other, double requestsPerSecond,
            String p50, String p90, String p99, String max, RunCheck.Verdict verdict) {
    }

    private RestRun() {
    }

    static Result execute(String name, int connections, Duration duration, Population population, Properties fixture, Path work)
            throws IOException, InterruptedException, SQLException {
        Path requests = work.resolve("rest-requests.tsv");
        SplittableRandom random = new SplittableRandom(name.hashCode());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Population.Request request = population.nextRest(random, name);
            lines.add(request.partner().token() + "\t" + request.json());
        }
        Files.write(requests, lines, StandardCharsets.UTF_8);
        ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s",
                "-s", "bench/sales-rest.lua", fixture.getProperty("sales.url")).redirectErrorStream(true);
        wrk.environment().put("SALES_REST_REQUESTS", requests.toAbsolutePath().toString());
        wrk.environment().put("SALES_REST_RUN", name);
        Process process = wrk.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Matcher counts = Pattern.compile("created (\\d+) other (\\d+)").matcher(output);
        if (!counts.find()) {
            throw new IllegalStateException("no counts in wrk's output:\n" + output);
        }
        long created = Long.parseLong(counts.group(1));
        long other = Long.parseLong(counts.group(2));
        RunCheck.Verdict verdict = RunCheck.checkRest(name, created, other, connections, fixture, Duration.ofSeconds(120));
        return new Result(name, connections, duration, output, created, other, created / (double) duration.toSeconds(), percentile(output, "50%"),
                percentile(output, "90%"), percentile(output, "99%"), field(output, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)"), verdict);
    }

    private static String percentile(String output, String which) {
        return field(output, "\\n\\s+" + which.replace("%", "%") + "\\s+(\\S+)");
    }

    private static String field(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? m.group(1) : "?";
    }
}
