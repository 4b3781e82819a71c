package org.partnerplatform.bench.sales;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The load generator of the end-to-end benchmark: one run against a running {@link SalesFixture}, reported and
 * proved correct ({@link RunCheck}); exits 1 when the run was wrong.
 * <p>
 * Options: --work DIR (the fixture's), --name NAME, --mode open|closed, --rate N (open loop, requests/s),
 * --in-flight N (closed loop), --duration 60s, --quiet 60s (give up waiting after this long without progress),
 * --report FILE (appends the report), --warmup 15s (of this JVM, at the run's rate, before the measured run; 0 for none).
 */
public final class SalesLoad {
    private SalesLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("bench/sales-e2e/target/run");
        String name = "e2e" + System.currentTimeMillis() % 100_000_000;
        String mode = "open";
        int connections = 64;
        double rate = 1000;
        int inFlight = 2000;
        Duration duration = Duration.ofSeconds(60);
        Duration quiet = Duration.ofSeconds(60);
        Path report = null;
        Duration warmup = Duration.ofSeconds(15);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--name" -> name = args[++i];
                case "--mode" -> mode = args[++i];
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--in-flight" -> inFlight = Integer.parseInt(args[++i]);
                case "--duration" -> duration = seconds(args[++i]);
                case "--quiet" -> quiet = seconds(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--warmup" -> warmup = seconds(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Properties fixture = new Properties();
        try (InputStream in = Files.newInputStream(work.resolve("fixture.properties"))) {
            fixture.load(in);
        }
        Population population = Population.load(fixture);
        ensureTopics(fixture, population);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : List.of("token", "catalog", "sales", "settlement")) {
            pids.put(service + "-service", Long.parseLong(fixture.getProperty(service + ".pid")));
        }
        pids.put("kafka (fixture JVM)", Long.parseLong(fixture.getProperty("fixture.pid")));
        ProcessCpu cpu = new ProcessCpu(pids);

        ProcessCpu.Snapshot before = cpu.snapshot();
        RunCheck.Verdict verdict;
        String text;
        if (mode.equals("rest")) {
            RestRun.Result rest = RestRun.execute(name, connections, duration, population, fixture, work);
            ProcessCpu.Snapshot after = cpu.snapshot();
            verdict = rest.verdict();
            text = restReport(rest, before, after, cpu.rssMegabytes());
        } else {
            LoadRun.Mode loop = LoadRun.Mode.valueOf(mode.toUpperCase());
            if (!warmup.isZero()) {
                // This JVM's own warm-up (JIT, connections), at the run's rate, proved but not reported.
                LoadRun warm = new LoadRun(new LoadRun.Settings(name + "w", loop, rate, warmup, inFlight, quiet), population, fixture);
                warm.execute();
                RunCheck.Verdict warmVerdict = RunCheck.check(warm, fixture);
                if (!warmVerdict.correct()) {
                    System.out.println("WRONG during the warm-up:\n  - " + String.join("\n  - ", warmVerdict.failures()));
                    System.exit(1);
                }
                before = cpu.snapshot();
            }
            LoadRun run = new LoadRun(new LoadRun.Settings(name, loop, rate, duration, inFlight, quiet), population, fixture);
            run.execute();
            ProcessCpu.Snapshot after = cpu.snapshot();
            verdict = RunCheck.check(run, fixture);
            text = report(run, verdict, before, after, cpu.rssMegabytes());
        }
        System.out.println(text);
        if (report != null) {
            Files.writeString(report, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(verdict.correct() ? 0 : 1);
    }

    private static String report(LoadRun run, RunCheck.Verdict verdict, ProcessCpu.Snapshot before, ProcessCpu.Snapshot after,
            Map<String, Long> rss) {
        Observations seen = run.observations;
        StringBuilder out = new StringBuilder();
        LoadRun.Settings s = run.settings;
        double toLastResult = (seen.lastResultNanos - run.startNanos) / 1e9;
        double toLastSettlement = (seen.lastSettlementNanos - run.startNanos) / 1e9;
        double sending = (run.lastSendNanos - run.startNanos) / 1e9;
        out.append(String.format("## run %s: %s loop, %s, %s, started %s%n", s.name(), s.mode().name().toLowerCase(),
                s.mode() == LoadRun.Mode.OPEN ? String.format("%.0f requests/s offered", s.rate()) : s.inFlight() + " in flight",
                s.duration().toSeconds() + " s", run.startWall));
        out.append(String.format("requests sent %,d in %.1f s (%,.0f/s); confirmed %,d%n", run.sent(), sending, run.sent() / sending, verdict.confirmed()));
        out.append(String.format("results: last after %.1f s: %,.0f results/s; settlement events: last after %.1f s: %,.0f sales/s end to end%n",
                toLastResult, run.sent() / toLastResult, toLastSettlement, verdict.confirmed() / toLastSettlement));
        int[] windows = windows(seen.settledPerSecond, (int) Math.floor(sending));
        if (windows.length > 0) {
            int[] sorted = windows.clone();
            Arrays.sort(sorted);
            out.append(String.format("settlement events per 10 s window while sending (first 10 s left out): min %,d/s, median %,d/s, max %,d/s (%d windows)%n",
                    sorted[0] / 10, sorted[sorted.length / 2] / 10, sorted[sorted.length - 1] / 10, sorted.length));
        }
        StringBuilder slow = new StringBuilder();
        for (int second = 0; second <= (int) sending; second++) {
            if (seen.worstResultPerSecond[second] > 250) {
                slow.append(String.format(" %d:%d", second, seen.worstResultPerSecond[second]));
            }
        }
        out.append("seconds whose worst request→result exceeded 250 ms (second:ms):").append(slow.length() == 0 ? " none" : slow).append('\n');
        out.append("latency ms        p50      p90      p99      max\n");
        out.append(latency("request→result", seen.toResult));
        out.append(latency("request→settled", seen.toSettlement));
        out.append(latency("ledger→event", seen.settlementTrail));
        cpu(out, verdict, before, after, rss);
        out.append(verdict.correct() ? String.format("CORRECT: every request one result, %,d orders = %,d ledger entries = %,d settlement events, gross %s, VAT %s to the øre%n",
                verdict.confirmed(), verdict.confirmed(), seen.entryIds.size(), verdict.gross(), verdict.vat())
                : "WRONG:\n  - " + String.join("\n  - ", verdict.failures()) + "\n");
        return out.toString();
    }

    private static String restReport(RestRun.Result rest, ProcessCpu.Snapshot before, ProcessCpu.Snapshot after, Map<String, Long> rss) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("## run %s: REST, POST /v1/sales, %d connections, %d s (wrk -t2, a new Idempotency-Key per request)%n", rest.name(),
                rest.connections(), rest.duration().toSeconds()));
        out.append(String.format("orders created %,d (%,.0f/s); other answers %,d%n", rest.created(), rest.requestsPerSecond(), rest.other()));
        out.append(String.format("latency (wrk): p50 %s, p90 %s, p99 %s, max %s%n", rest.p50(), rest.p90(), rest.p99(), rest.max()));
        cpu(out, rest.verdict(), before, after, rss);
        out.append(rest.verdict().correct() ? String.format("CORRECT: %,d answers 201 (and %,d sales in flight when wrk stopped) = %,d orders = %,d ledger "
                + "entries, gross %s, VAT %s to the øre%n", rest.created(), rest.verdict().confirmed() - rest.created(), rest.verdict().confirmed(),
                rest.verdict().confirmed(), rest.verdict().gross(), rest.verdict().vat())
                : "WRONG:\n  - " + String.join("\n  - ", rest.verdict().failures()) + "\n");
        return out.toString();
    }

    private static void cpu(StringBuilder out, RunCheck.Verdict verdict, ProcessCpu.Snapshot before, ProcessCpu.Snapshot after, Map<String, Long> rss) {
        double wall = (after.nanos() - before.nanos()) / 1e9;
        out.append(String.format("CPU over %.1f s (machine %.0f %% busy)   seconds   ms/sale   cores   RSS MB%n", wall, 100 * after.busyShareSince(before)));
        double totalMs = 0;
        for (Map.Entry<String, Double> e : after.minus(before).entrySet()) {
            double perSale = verdict.confirmed() == 0 ? 0 : 1000 * e.getValue() / verdict.confirmed();
            totalMs += perSale;
            Long mb = rss.get(e.getKey());
            out.append(String.format("  %-22s %8.1f %9.3f %7.2f   %s%n", e.getKey(), e.getValue(), perSale, e.getValue() / wall,
                    mb == null ? "" : mb.toString()));
        }
        out.append(String.format("  %-22s %8s %9.3f%n", "all", "", totalMs));
    }

    /** Counts per 10 s window from second 10 until sending ended. */
    private static int[] windows(int[] perSecond, int sendingSeconds) {
        List<Integer> windows = new ArrayList<>();
        for (int start = 10; start + 10 <= sendingSeconds; start += 10) {
            int sum = 0;
            for (int i = start; i < start + 10; i++) {
                sum += perSecond[i];
            }
            windows.add(sum);
        }
        return windows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String latency(String name, Histogram h) {
        return String.format("  %-15s %8.1f %8.1f %8.1f %8.1f%n", name, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** Every partner's request and result topic and settlement.events exist before the run (as an operator would create them). */
    private static void ensureTopics(Properties fixture, Population population) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.getProperty("kafka.bootstrap")))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<String> wanted = new ArrayList<>(List.of("settlement.events", "sales.order-events"));
            population.partners.forEach(p -> wanted.addAll(List.of("sales.requests." + p.id(), "sales.results." + p.id())));
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    // A partner's topics have one partition, as token-service creates them (PartnerTopics).
                    missing.add(new NewTopic(topic, topic.startsWith("sales.re") ? 1 : 3, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                // sales-service finds new request topics by pattern within its metadata refresh (5 s).
                Thread.sleep(12_000);
            }
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value.replace("s", "")) * 1000));
    }
}
