package org.partnerplatform.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partnerplatform.keys.KeyRotation.Key;
import org.partnerplatform.keys.KeyRotation.Retirement;

class KeyRotationTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final KeyRotation rotation = new KeyRotation(Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(122));

    @Test
    void withoutKeysTheFirstSignsAtOnce() {
        assertThat(rotation.plan(List.of(), T0).createNextActivatingAt()).contains(T0);
    }

    @Test
    void aSigningKeyIsReplacedPublishAheadBeforeItsPeriodEnds() {
        List<Key> active = List.of(new Key("a", false, T0));
        assertThat(rotation.plan(active, T0.plus(Duration.ofDays(87))).isEmpty()).isTrue();
        // Two days before the period ends: a NEXT key signing when it ends.
        assertThat(rotation.plan(active, T0.plus(Duration.ofDays(88))).createNextActivatingAt()).contains(T0.plus(Duration.ofDays(90)));
        // Late (the service was down): still published two days before it signs.
        Instant late = T0.plus(Duration.ofDays(100));
        assertThat(rotation.plan(active, late).createNextActivatingAt()).contains(late.plus(Duration.ofDays(2)));
    }

    @Test
    void aNextKeyWaitsThenSignsAndTheOldOneIsRetiredButStaysPublished() {
        Instant activation = T0.plus(Duration.ofDays(90));
        List<Key> keys = List.of(new Key("b", true, activation), new Key("a", false, T0));
        KeyRotation.Plan waiting = rotation.plan(keys, activation.minusSeconds(1));
        assertThat(waiting.isEmpty()).isTrue();
        KeyRotation.Plan switched = rotation.plan(keys, activation.plusSeconds(5));
        assertThat(switched.activate()).contains("b");
        assertThat(switched.retire()).containsExactly(new Retirement("a", activation, activation.plus(Duration.ofDays(122))));
        assertThat(switched.createNextActivatingAt()).isEqualTo(Optional.empty());
    }
}
