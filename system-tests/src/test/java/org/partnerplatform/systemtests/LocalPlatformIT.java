package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * {@code ./local-platform.sh} as a newcomer meets it: start, Ctrl-C, start again with the data kept, {@code --fresh}
 * after a run, and a start that fails. It runs the script itself (with --skip-build and ports of its own, so that it
 * never meets a local platform a developer has running).
 */
class LocalPlatformIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize();
    private static final Pattern DEMO_PARTNER = Pattern.compile("^\\s+(\\S.*?)\\s+organisation (\\d+)\\s+client_id (\\S+)\\s+client_secret (\\S+)$");
    private static final String PARTNER = "Reiseportalen AS";

    /** Every launch, so that one left running by a failed assertion is stopped (else its services outlive the test). */
    private static final List<Launch> LAUNCHES = new CopyOnWriteArrayList<>();

    /** Under target, not a temporary folder: {@link LogScan} reads its logs and credentials after the run. */
    Path data;

    @BeforeEach
    void dataDirectory(TestInfo test) throws IOException {
        data = REPOSITORY.resolve("system-tests/target/local-platform-it").resolve(test.getTestMethod().orElseThrow().getName());
        if (Files.exists(data)) {
            try (var walk = Files.walk(data)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data);
    }

    @AfterEach
    void stopWhatIsStillRunning() throws Exception {
        for (Launch launch : LAUNCHES) {
            if (launch.process.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(launch.process.pid())).start().waitFor();
                if (!launch.process.waitFor(2, TimeUnit.MINUTES)) {
                    launch.process.destroyForcibly();
                }
            }
        }
        LAUNCHES.clear();
    }

    @Test
    void startsStopsOnCtrlCKeepsItsDataAndStartsEmptyWithFresh() throws Exception {
        int base = freeBase();
        Launch first = Launch.start(data, base);
        DemoPartner partner = first.partner(PARTNER);
        String tokenUrl = "http://127.0.0.1:" + (base + 2);
        assertThat(token(tokenUrl, partner)).isEqualTo(200);
        // A standard OpenID Connect client accepts the discovery document: its issuer is the URL it is served from.
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(tokenUrl));
        assertThat(metadata.getIssuer().getValue()).isEqualTo(tokenUrl);
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(tokenUrl + "/oauth/token"));
        // It prints the portal's URL and the first platform administrator's one-time link, which opens their invitation.
        String portalUrl = "http://127.0.0.1:" + (base + 6);
        List<String> out = first.output();
        assertThat(out).anyMatch(line -> line.strip().startsWith("partner-portal") && line.contains(portalUrl));
        String link = out.get(out.indexOf(out.stream().filter(line -> line.contains("open this one-time link")).findFirst()
                .orElseThrow(() -> new AssertionError("no invitation link printed"))) + 2).strip();
        assertThat(link).startsWith(tokenUrl + "/invitations/");
        assertThat(given().get(link).then().statusCode(200).extract().asString()).contains("admin@platform.local");
        // On a developer's machine Kafka, PostgreSQL and every service listen on loopback only.
        for (int port = base; port <= base + 6; port++) {
            assertThat(ListeningSockets.addresses(port)).as("port %d", port).isNotEmpty().allMatch(ListeningSockets::isLoopback);
        }
        first.interrupt();
        assertPortsFree(base);

        Launch second = Launch.start(data, base);
        assertThat(second.output()).anyMatch(line -> line.contains("demo data: ") && line.contains("organisations (0 new)"));
        assertThat(second.partner(PARTNER)).isEqualTo(partner);
        assertThat(token(tokenUrl, partner)).isEqualTo(200);
        second.interrupt();
        assertPortsFree(base);

        Launch fresh = Launch.start(data, base, "--fresh");
        assertThat(fresh.output()).anyMatch(line -> line.contains("starting from empty"));
        DemoPartner renewed = fresh.partner(PARTNER);
        assertThat(renewed.clientSecret()).isNotEqualTo(partner.clientSecret());
        assertThat(token(tokenUrl, renewed)).isEqualTo(200);
        assertThat(token(tokenUrl, partner)).as("the client of the run before --fresh").isEqualTo(401);
        fresh.interrupt();
        assertPortsFree(base);
    }

    @Test
    void aStartThatFailsStopsWhatItStartedAndSaysWhyInOneLine() throws Exception {
        int base = freeBase();
        // catalog-service's port is taken: it cannot start after Kafka, PostgreSQL and token-service have.
        try (ServerSocket taken = new ServerSocket(base + 3, 50, InetAddress.getLoopbackAddress())) {
            Launch failed = Launch.begin(data, base, "--no-demo-data");
            assertThat(failed.process.waitFor(4, TimeUnit.MINUTES)).as("the launcher exits").isTrue();
            assertThat(failed.process.exitValue()).isEqualTo(1);
            List<String> reasons = failed.output().stream().filter(line -> line.startsWith("local-platform: ")).toList();
            assertThat(reasons).hasSize(1);
            assertThat(reasons.get(0)).startsWith("local-platform: failed to start: catalog-service").contains("everything it started is stopped");
            assertThat(Files.readString(data.resolve("logs/local-platform-failure.log"))).as("the details").contains("catalog-service");
            for (int port = base; port <= base + 6; port++) {
                if (port != base + 3) {
                    assertThat(free(port)).as("port %d", port).isTrue();
                }
            }
        }
    }

    private static int token(String tokenUrl, DemoPartner partner) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", partner.clientId())
                .formParam("client_secret", partner.clientSecret()).formParam("audience", "https://api.staging.partnerplatform.local")
                .post(tokenUrl + "/oauth/token").statusCode();
    }

    private static void assertPortsFree(int base) {
        for (int port = base; port <= base + 6; port++) {
            assertThat(free(port)).as("port %d after the stop", port).isTrue();
        }
    }

    /** Seven consecutive free ports (Kafka, PostgreSQL, four services, the portal) away from the documented ones. */
    private static int freeBase() {
        for (int base = 21000 + (int) (ProcessHandle.current().pid() % 100) * 10; base < 60000; base += 10) {
            boolean all = true;
            for (int port = base; port <= base + 6 && all; port++) {
                all = free(port);
            }
            if (all) {
                return base;
            }
        }
        throw new IllegalStateException("no seven free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    record DemoPartner(String name, long organisationId, String clientId, String clientSecret) {
    }

    /** One run of ./local-platform.sh, its output collected (it holds secrets: it is never printed). */
    static final class Launch {
        final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();

        private Launch(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    output.add("(output unreadable: " + e + ")");
                }
            }, "local-platform-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Launch begin(Path data, int base, String... options) throws IOException {
            List<String> command = new java.util.ArrayList<>(List.of("bash", REPOSITORY.resolve("local-platform.sh").toString(), "--skip-build",
                    "--data-dir", data.toString(), "--ports", Integer.toString(base)));
            command.addAll(List.of(options));
            Launch launch = new Launch(new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true).start());
            LAUNCHES.add(launch);
            return launch;
        }

        /** Starts and waits for "is up". */
        static Launch start(Path data, int base, String... options) throws Exception {
            Launch launch = begin(data, base, options);
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (launch.output.stream().noneMatch(line -> line.startsWith("Logs in "))) {
                if (!launch.process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the local platform did not come up: " + launch.output.stream()
                            .filter(line -> !line.contains("client_secret")).reduce("", (a, b) -> a + "\n" + b));
                }
                Thread.sleep(250);
            }
            return launch;
        }

        /** Ctrl-C: SIGINT to the launcher (the script execs java, so its pid is the launcher's). */
        void interrupt() throws Exception {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher stops on Ctrl-C").isTrue();
            assertThat(output).anyMatch(line -> line.endsWith("] stopped"));
        }

        List<String> output() {
            return List.copyOf(output);
        }

        DemoPartner partner(String name) {
            for (String line : output) {
                Matcher m = DEMO_PARTNER.matcher(line);
                if (m.matches() && m.group(1).equals(name)) {
                    return new DemoPartner(name, Long.parseLong(m.group(2)), m.group(3), m.group(4));
                }
            }
            throw new AssertionError("no demo partner " + name + " printed");
        }
    }

    /** The addresses sockets listen on for a TCP port, from Linux's /proc/net/tcp and tcp6. */
    static final class ListeningSockets {
        static List<String> addresses(int port) throws IOException {
            List<String> found = new java.util.ArrayList<>();
            for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path path = Path.of(file);
                if (!Files.exists(path)) {
                    continue;
                }
                for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                    String[] fields = line.trim().split("\\s+");
                    String[] local = fields[1].split(":");
                    if ("0A".equals(fields[3]) && Integer.parseInt(local[1], 16) == port) {
                        found.add(local[0]);
                    }
                }
            }
            return found;
        }

        /** 127.0.0.1 (little-endian hex 0100007F), in tcp6 as ::ffff:127.0.0.1 (a JVM's IPv6 socket), or ::1. */
        static boolean isLoopback(String hexAddress) {
            return hexAddress.equals("0100007F") || hexAddress.equals("0000000000000000FFFF00000100007F")
                    || hexAddress.equals("00000000000000000000000001000000");
        }
    }
}
