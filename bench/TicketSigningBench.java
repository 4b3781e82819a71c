import org.partnerplatform.tickets.*;
import java.time.*;
/** How long signing one ticket takes: jose4j (as sales-service signs) and the raw JCA signature under it. bench/ticket-signing.sh runs it. */
public class TicketSigningBench {
  public static void main(String[] a) throws Exception {
    var kp = java.security.KeyPairGenerator.getInstance("EC"); kp.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    var pair = kp.generateKeyPair();
    Instant now = Instant.now();
    var c = new TicketClaims("01a2323c-77f8-7a71-ba84-5aedfb5ce542", "01a2323c-7772-74a5-9b6d-68d3868f9882", "VYG", "VYG:SalesPackage:Oslo-Bergen", "ADULT", now, now.plus(Duration.ofDays(1)), "https://sales.staging.partnerplatform.local/", now);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime(); int n = 5000;
      for (int i = 0; i < n; i++) TicketSigner.sign(c, "kid", pair.getPrivate());
      long t1 = System.nanoTime();
      var sig = java.security.Signature.getInstance("SHA256withECDSA");
      for (int i = 0; i < n; i++) { sig.initSign(pair.getPrivate()); sig.update(new byte[400]); sig.sign(); }
      long t2 = System.nanoTime();
      System.out.printf("jose4j sign %.1f us, raw JCA sign %.1f us%n", (t1-t0)/1e3/n, (t2-t1)/1e3/n);
    }
  }
}
