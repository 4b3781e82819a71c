package org.partnerplatform.bench.sales;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of the benchmark's processes, read from /proc: each service and the fixture (whose JVM
 * hosts the Kafka broker) by pid, PostgreSQL as the sum over every process named postgres, the load generator as
 * this process, and the machine as a whole from /proc/stat.
 */
final class ProcessCpu {
    private static final double TICK = 100.0; // USER_HZ on Linux

    /** CPU seconds per process name, and the machine's busy and total seconds (all cores). */
    record Snapshot(Map<String, Double> seconds, double machineBusy, double machineTotal, long nanos) {
        Map<String, Double> minus(Snapshot earlier) {
            Map<String, Double> delta = new LinkedHashMap<>();
            seconds.forEach((name, s) -> delta.put(name, s - earlier.seconds.getOrDefault(name, 0.0)));
            return delta;
        }

        /** The share of the machine's cores that were busy between the two snapshots, 0..1. */
        double busyShareSince(Snapshot earlier) {
            double total = machineTotal - earlier.machineTotal;
            return total <= 0 ? 0 : (machineBusy - earlier.machineBusy) / total;
        }
    }

    private final Map<String, Long> pids;

    ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, cpuSeconds(pid)));
        seconds.put("postgresql", postgresSeconds());
        // With the children it has waited for: wrk, for the REST runs.
        seconds.put("load generator", cpuSeconds(ProcessHandle.current().pid(), true));
        double[] machine = machine();
        return new Snapshot(seconds, machine[0], machine[1], System.nanoTime());
    }

    /** Resident set size in MB of each named process. */
    Map<String, Long> rssMegabytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, rssKb(pid) / 1024));
        return rss;
    }

    static double cpuSeconds(long pid) {
        return cpuSeconds(pid, false);
    }

    static double cpuSeconds(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).trim().equals("postgres");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToDouble(p -> cpuSeconds(Long.parseLong(p.getFileName().toString()))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    /** Busy and total CPU seconds of the whole machine since boot (all cores). */
    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]), idle = Long.parseLong(f[4]),
                    iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
            double busy = (user + nice + system + irq + softirq + steal) / TICK;
            return new double[] { busy, busy + (idle + iowait) / TICK };
        } catch (IOException e) {
            return new double[] { 0, 0 };
        }
    }
}
