package org.partnerplatform.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rotation rule of signing keys (token-service's for access tokens, sales-service's for tickets), on the NEXT
 * and ACTIVE keys (newest activation first) at a time: the newest key whose activation time has passed signs; a NEXT
 * one among those becomes ACTIVE, and every older key is RETIRED at that activation time and stays published for
 * {@code keepPublished} after it (while what it signed can still be valid). A new NEXT key is due when the signing
 * key is older than the rotation period less the publish-ahead time and no NEXT key is waiting; it signs
 * publish-ahead after its creation at the earliest.
 */
public record KeyRotation(Duration period, Duration publishAhead, Duration keepPublished) {

    public record Key(String kid, boolean next, Instant activatedAt) {
    }

    public record Retirement(String kid, Instant retiredAt, Instant publishedUntil) {
    }

    /** What to change: a NEXT key to activate, keys to retire, and the activation time of a new NEXT key to create. */
    public record Plan(Optional<String> activate, List<Retirement> retire, Optional<Instant> createNextActivatingAt) {
        public boolean isEmpty() {
            return activate.isEmpty() && retire.isEmpty() && createNextActivatingAt.isEmpty();
        }
    }

    public Plan plan(List<Key> current, Instant now) {
        int signing = 0;
        while (signing < current.size() && current.get(signing).activatedAt().isAfter(now)) {
            signing++;
        }
        if (signing == current.size()) {
            return new Plan(Optional.empty(), List.of(), current.isEmpty() ? Optional.of(now) : Optional.empty());
        }
        Key signer = current.get(signing);
        List<Retirement> retire = new ArrayList<>();
        for (Key older : current.subList(signing + 1, current.size())) {
            retire.add(new Retirement(older.kid(), signer.activatedAt(), signer.activatedAt().plus(keepPublished)));
        }
        boolean waiting = signing > 0;
        Instant due = signer.activatedAt().plus(period);
        Optional<Instant> next = waiting || now.isBefore(due.minus(publishAhead)) ? Optional.empty()
                : Optional.of(due.isAfter(now.plus(publishAhead)) ? due : now.plus(publishAhead));
        return new Plan(signer.next() ? Optional.of(signer.kid()) : Optional.empty(), retire, next);
    }

    /** When a NEXT key asked for now (a rotation by an admin) signs. */
    public Instant nextActivation(Instant now) {
        return now.plus(publishAhead);
    }
}
