package org.partnerplatform.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline verifier an inspector runs without a network ({@code ./ticket-verify.sh}): a cached ticket-keys JWKS,
 * cached disabled lists, and the ticket (as text, or "-" for standard input). Prints one verdict line; exits 0 for
 * a valid ticket, 1 for a refused one, 2 when it cannot check (usage, unreadable files).
 */
public final class VerifyCommand {
    static final String USAGE = """
            usage: ticket-verify.sh --issuer URL [--keys ticket-keys.json] [--disabled disabled.json]... [--operator CODESPACE]
                                    [--at INSTANT] TICKET|-""";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, Instant.now()));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Instant now) {
        Path keys = Path.of("ticket-keys.json");
        List<Path> disabled = new ArrayList<>();
        String issuer = null;
        Optional<String> operator = Optional.empty();
        Instant at = now;
        String ticket = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--keys" -> keys = Path.of(args[++i]);
                    case "--disabled" -> disabled.add(Path.of(args[++i]));
                    case "--issuer" -> issuer = args[++i];
                    case "--operator" -> operator = Optional.of(args[++i]);
                    case "--at" -> at = Instant.parse(args[++i]);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (ticket != null || args[i].startsWith("--")) {
                            err.println("unexpected argument " + args[i] + "\n" + USAGE);
                            return 2;
                        }
                        ticket = args[i];
                    }
                }
            }
            if (issuer == null || ticket == null) {
                err.println(USAGE);
                return 2;
            }
            if (!disabled.isEmpty() && operator.isEmpty()) {
                // A disabled list holds one operator's tickets: without --operator, another operator's refunded ticket would pass.
                err.println("--disabled needs --operator: a disabled list holds the refunded tickets of one operator\n" + USAGE);
                return 2;
            }
            if (ticket.equals("-")) {
                ticket = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            List<String> pages = new ArrayList<>();
            for (Path page : disabled) {
                pages.add(Files.readString(page));
            }
            TicketVerifier verifier = new TicketVerifier(TicketVerifier.keys(Files.readString(keys)), issuer, DisabledList.union(pages),
                    TicketVerifier.DEFAULT_CLOCK_SKEW);
            Verdict verdict = verifier.verify(ticket, at, operator);
            out.println(describe(verdict));
            return verdict.valid() ? 0 : 1;
        } catch (ArrayIndexOutOfBoundsException | DateTimeParseException e) {
            err.println(USAGE);
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot check: " + e.getMessage());
            return 2;
        }
    }

    static String describe(Verdict verdict) {
        String head = verdict.valid() ? "VALID" : "REFUSED " + verdict.reason();
        return head + ": " + verdict.detail() + verdict.claims().map(c -> " (ticket " + c.ticketId() + ", order " + c.orderId() + ", "
                + c.operatorCodespace() + " " + c.productId() + " " + c.userProfile() + ", valid " + c.validFrom() + " to " + c.validTo() + ")")
                .orElse("");
    }
}
