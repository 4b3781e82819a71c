package org.partnerplatform.web.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNamesTest {

    @Test
    void aPlainNameIsLoggedAndCountedAsItIs() {
        ClientNames names = new ClientNames(10);
        assertThat(ClientNames.forLog("reiseportalen-web")).isEqualTo("reiseportalen-web");
        assertThat(names.forMetric("reiseportalen-web")).isEqualTo("reiseportalen-web");
    }

    @Test
    void anAbsentNameIsNotLoggedAndCountedAsNone() {
        assertThat(ClientNames.forLog(null)).isNull();
        assertThat(new ClientNames(10).forMetric(null)).isEqualTo("none");
    }

    @Test
    void aNameThatIsNotPlainIsInvalid() {
        assertThat(ClientNames.forLog("app\n2026 ERROR forged")).isEqualTo("invalid");
        assertThat(ClientNames.forLog("x".repeat(65))).isEqualTo("invalid");
        assertThat(new ClientNames(10).forMetric("<script>")).isEqualTo("invalid");
    }

    @Test
    void beyondTheLimitNewNamesAreOtherAndKnownOnesStay() {
        ClientNames names = new ClientNames(2);
        assertThat(names.forMetric("a")).isEqualTo("a");
        assertThat(names.forMetric("b")).isEqualTo("b");
        assertThat(names.forMetric("c")).isEqualTo("other");
        assertThat(names.forMetric("a")).isEqualTo("a");
    }
}
