package org.partnerplatform.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;
    final EllipticCurveJsonWebKey key = TicketVerifierTest.generate("k1");
    final TicketClaims claims = new TicketVerifierTest().claims;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String stdin, String... args) {
        return VerifyCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)), new PrintStream(out, true),
                new PrintStream(err, true), TicketVerifierTest.NOW);
    }

    @Test
    void checksATicketWithCachedKeysAndDisabledListsAndSaysWhy() throws Exception {
        Path keys = Files.writeString(dir.resolve("ticket-keys.json"), TicketJwks.of(Map.of("k1", key.getECPublicKey())));
        Path none = Files.writeString(dir.resolve("disabled-0.json"), "{\"items\":[],\"next\":null}");
        String ticket = TicketSigner.sign(claims, "k1", key.getPrivateKey());

        assertThat(run("", "--keys", keys.toString(), "--disabled", none.toString(), "--issuer", TicketVerifierTest.ISSUER, "--operator", "VYG", ticket))
                .isEqualTo(0);
        assertThat(out.toString()).startsWith("VALID: valid until " + claims.validTo()).contains("ticket " + claims.ticketId());

        Path refunded = Files.writeString(dir.resolve("disabled-1.json"), "{\"items\":[{\"ticketId\":\"" + claims.ticketId() + "\"}]}");
        out.reset();
        assertThat(run(ticket, "--keys", keys.toString(), "--disabled", none.toString(), "--disabled", refunded.toString(),
                "--issuer", TicketVerifierTest.ISSUER, "--operator", "VYG", "-")).isEqualTo(1);
        assertThat(out.toString()).startsWith("REFUSED DISABLED: ticket " + claims.ticketId() + " is disabled (refunded)");

        out.reset();
        assertThat(run("", "--keys", keys.toString(), "--issuer", TicketVerifierTest.ISSUER, "--at", "2026-12-02T12:00:00Z", ticket)).isEqualTo(1);
        assertThat(out.toString()).startsWith("REFUSED EXPIRED");
    }

    @Test
    void cannotCheckWithoutIssuerOrKeys() {
        assertThat(run("", "some.ticket.here")).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
        assertThat(run("", "--keys", dir.resolve("missing.json").toString(), "--issuer", "x", "a.b.c")).isEqualTo(2);
        assertThat(run("", "--issuer", "x", "--disabled", "d.json", "a.b.c")).isEqualTo(2);
        assertThat(err.toString()).contains("--disabled needs --operator");
        assertThat(err.toString()).contains("cannot check");
    }
}
