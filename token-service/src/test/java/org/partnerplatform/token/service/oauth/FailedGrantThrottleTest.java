package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's rules, on a clock the test moves by hand. */
class FailedGrantThrottleTest {
    final MovableClock clock = new MovableClock();
    final FailedGrantThrottle throttle = new FailedGrantThrottle(clock, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(15), 1_000);

    @Test
    void fiveFreeFailuresThenADelayThatDoublesUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("c").refused()).isFalse();
        }
        assertThat(throttle.delayAfter(5)).isZero();
        assertThat(throttle.delayAfter(6)).isEqualTo(1_000);
        assertThat(throttle.delayAfter(7)).isEqualTo(2_000);
        assertThat(throttle.delayAfter(10)).isEqualTo(16_000);
        assertThat(throttle.delayAfter(11)).isEqualTo(30_000);
        assertThat(throttle.delayAfter(1_000)).isEqualTo(30_000);

        assertThat(throttle.begin("c").refused()).isFalse(); // the sixth runs, and starts a 1 s delay
        assertThat(throttle.begin("c").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.begin("c").retryAfter()).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.begin("c").refused()).isFalse(); // the seventh: 2 s
        assertThat(throttle.begin("c").retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theDelayNeverExceedsTheCapHoweverLongTheGuessingGoesOn() {
        for (int i = 0; i < 200; i++) {
            FailedGrantThrottle.Decision decision = throttle.begin("c");
            if (decision.refused()) {
                assertThat(decision.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(30));
                clock.advance(decision.retryAfter());
            }
        }
        FailedGrantThrottle.Decision decision = throttle.begin("c");
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusedAttemptsDoNotExtendTheDelay() {
        for (int i = 0; i < 6; i++) {
            throttle.begin("c");
        }
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(9));
            assertThat(throttle.begin("c").refused()).isTrue();
        }
        clock.advance(Duration.ofMillis(100));
        assertThat(throttle.begin("c").refused()).isFalse();
    }

    @Test
    void successForgivesAndAQuietPeriodForgets() {
        for (int i = 0; i < 6; i++) {
            throttle.begin("c");
        }
        throttle.succeeded("c");
        assertThat(throttle.begin("c").refused()).isFalse();

        for (int i = 0; i < 6; i++) {
            throttle.begin("d");
        }
        assertThat(throttle.begin("d").refused()).isTrue();
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("d").refused()).isFalse();
        }
    }

    @Test
    void eachClientIdHasItsOwnCount() {
        for (int i = 0; i < 6; i++) {
            throttle.begin("guessed-at");
        }
        assertThat(throttle.begin("guessed-at").refused()).isTrue();
        assertThat(throttle.begin("someone-else").refused()).isFalse();
    }

    @Test
    void trackingIsBoundedAndFailsOpenRatherThanRefusingTheInnocent() {
        FailedGrantThrottle small = new FailedGrantThrottle(clock, 0, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 3);
        for (String id : new String[] { "a", "b", "c" }) {
            assertThat(small.begin(id).refused()).isFalse();
        }
        // All three delayed: a fourth id goes untracked instead of being refused or evicting one that is delayed.
        assertThat(small.begin("d").refused()).isFalse();
        assertThat(small.tracked()).isEqualTo(3);
        assertThat(small.begin("a").refused()).isTrue();
        // Once their delays have passed, they make room.
        clock.advance(Duration.ofSeconds(2));
        assertThat(small.begin("d").refused()).isFalse();
        assertThat(small.begin("d").refused()).isTrue();
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new FailedGrantThrottle(clock, 5, Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(15), 10))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FailedGrantThrottle(clock, 5, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(15), 10))
                .isInstanceOf(IllegalStateException.class);
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
