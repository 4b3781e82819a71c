package org.partnerplatform.token.service.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VerifiedSecretCacheTest {
    final VerifiedSecretCache cache = new VerifiedSecretCache(100);

    @Test
    void aVerifiedSecretMatchesForItsVersionOnly() {
        byte[] mac = cache.mac("client", "the-secret");
        assertThat(cache.matches("client", 1, mac)).isFalse();
        cache.remember("client", 1, mac);
        assertThat(cache.matches("client", 1, mac)).isTrue();
        // After a rotation the caller asks for version 2: the cached secret of version 1 does not answer for it.
        assertThat(cache.matches("client", 2, mac)).isFalse();
        assertThat(cache.matches("client", 1, cache.mac("client", "another-secret"))).isFalse();
        assertThat(cache.matches("other-client", 1, mac)).isFalse();
    }

    @Test
    void theMacIsBoundToTheClientAndIsNotTheSecret() {
        byte[] mac = cache.mac("client", "the-secret");
        assertThat(mac).hasSize(32).isNotEqualTo("the-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.mac("client", "the-secret")).isEqualTo(mac);
        assertThat(cache.mac("client2", "the-secret")).isNotEqualTo(mac);
        // A key of its own per process: another replica's (or a restarted one's) MACs are worthless here.
        assertThat(new VerifiedSecretCache(10).mac("client", "the-secret")).isNotEqualTo(mac);
    }

    @Test
    void theCurrentAndThePreviousVersionAreKeptNothingOlder() {
        byte[] one = cache.mac("c", "one");
        byte[] two = cache.mac("c", "two");
        byte[] three = cache.mac("c", "three");
        cache.remember("c", 1, one);
        cache.remember("c", 2, two);
        assertThat(cache.matches("c", 1, one)).isTrue();
        assertThat(cache.matches("c", 2, two)).isTrue();
        cache.remember("c", 3, three);
        assertThat(cache.matches("c", 1, one)).isFalse();
        assertThat(cache.matches("c", 2, two)).isTrue();
        assertThat(cache.matches("c", 3, three)).isTrue();
        // A late check of an old version does not push out the newer ones.
        cache.remember("c", 1, one);
        assertThat(cache.matches("c", 1, one)).isFalse();
        assertThat(cache.matches("c", 3, three)).isTrue();

        cache.forget("c");
        assertThat(cache.matches("c", 3, three)).isFalse();
    }

    @Test
    void itIsBounded() {
        VerifiedSecretCache small = new VerifiedSecretCache(3);
        for (int i = 0; i < 10; i++) {
            small.remember("c" + i, 1, small.mac("c" + i, "s"));
            assertThat(small.size()).isLessThanOrEqualTo(3);
        }
        assertThat(small.matches("c9", 1, small.mac("c9", "s"))).isTrue();
    }
}
