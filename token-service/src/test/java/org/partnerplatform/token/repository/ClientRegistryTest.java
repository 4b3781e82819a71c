package org.partnerplatform.token.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Environment;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The registry's rules about when it may answer from memory, with a stand-in for the database. */
class ClientRegistryTest {
    final CountingLookup lookup = new CountingLookup();
    final ClientRegistry registry = new ClientRegistry(lookup, Duration.ofMinutes(1), 100);

    @Test
    void withoutChangeNotificationsEveryReadGoesToTheDatabase() {
        read("c");
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(2);
    }

    @Test
    void withThemAClientIsReadOnceUntilItChanges() {
        registry.live(true);
        read("c");
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(1);
        registry.clientChanged("c");
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(2);
        registry.everythingChanged();
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(3);
    }

    @Test
    void losingTheNotificationsDropsEverythingAndStopsServingFromMemory() {
        registry.live(true);
        read("c");
        registry.live(false);
        read("c");
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(3);
        registry.live(true);
        read("c");
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(4);
    }

    @Test
    void aReadThatRacedWithAChangeAnswersButIsNotKept() {
        registry.live(true);
        AtomicReference<UniEmitter<? super ClientGrantRecord>> pending = new AtomicReference<>();
        lookup.next = Uni.createFrom().<ClientGrantRecord> emitter(pending::set);
        AtomicReference<ClientGrantRecord> answered = new AtomicReference<>();
        registry.byId("c").subscribe().with(answered::set);
        registry.clientChanged("c"); // committed while the read was under way: the read may have seen the old row
        pending.get().complete(record("c"));
        assertThat(answered.get()).isNotNull();
        read("c");
        assertThat(lookup.reads.get()).isEqualTo(2);
    }

    @Test
    void unknownClientsAreNotKeptAndEntriesExpire() {
        ClientRegistry expiring = new ClientRegistry(lookup, Duration.ZERO, 100);
        expiring.live(true);
        expiring.byId("c").await().indefinitely();
        expiring.byId("c").await().indefinitely();
        assertThat(lookup.reads.get()).isEqualTo(2);
        registry.live(true);
        lookup.unknown = true;
        assertThat(registry.byId("nobody").await().indefinitely()).isNull();
        registry.byId("nobody").await().indefinitely();
        assertThat(lookup.reads.get()).isEqualTo(4);
    }

    private void read(String id) {
        assertThat(registry.byId(id).await().indefinitely().clientId()).isEqualTo(id);
    }

    static ClientGrantRecord record(String id) {
        return new ClientGrantRecord(id, 2, Set.of(Role.PARTNER), Environment.STAGING, ClientStatus.ACTIVE, 1, "hash", null, null,
                OrganisationStatus.ACTIVE, Certification.NOT_CERTIFIED);
    }

    static final class CountingLookup extends ClientLookup {
        final AtomicInteger reads = new AtomicInteger();
        Uni<ClientGrantRecord> next;
        boolean unknown;

        CountingLookup() {
            super(null);
        }

        @Override
        public Uni<ClientGrantRecord> byId(String clientId) {
            reads.incrementAndGet();
            if (next != null) {
                Uni<ClientGrantRecord> result = next;
                next = null;
                return result;
            }
            return Uni.createFrom().item(unknown ? null : record(clientId));
        }
    }
}
