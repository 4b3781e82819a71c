package org.partnerplatform.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalPlatformOptionsTest {
    private static final Path DEFAULT = Path.of("/tmp/.local-platform");

    @Test
    void theDefaultsAreLoopbackTheDocumentedPortsAndStaging() {
        LocalPlatform.Options options = LocalPlatform.Options.parse(new String[0], DEFAULT);
        assertThat(options.listen()).isEqualTo("127.0.0.1");
        assertThat(options.ports()).isEqualTo(Platform.Ports.local());
        assertThat(options.environment()).isEqualTo("STAGING");
        assertThat(options.fresh()).isFalse();
        assertThat(options.demoData()).isTrue();
    }

    @Test
    void portsMoveTogetherFromTheirBase() {
        LocalPlatform.Options options = LocalPlatform.Options.parse(new String[] { "--ports", "20000", "--listen", "0.0.0.0", "--fresh" }, DEFAULT);
        assertThat(options.ports()).isEqualTo(new Platform.Ports(20000, 20001, 20002, 20003, 20004, 20005, 20006));
        assertThat(options.listen()).isEqualTo("0.0.0.0");
        assertThat(options.fresh()).isTrue();
    }

    @Test
    void aBadOptionIsRefusedSayingWhy() {
        assertThatThrownBy(() -> LocalPlatform.Options.parse(new String[] { "--ports", "65530" }, DEFAULT)).hasMessageContaining("1024 to 65529");
        assertThatThrownBy(() -> LocalPlatform.Options.parse(new String[] { "--ports", "x" }, DEFAULT)).hasMessageContaining("not x");
        assertThatThrownBy(() -> LocalPlatform.Options.parse(new String[] { "--environment", "prod" }, DEFAULT)).hasMessageContaining("not prod");
        assertThatThrownBy(() -> LocalPlatform.Options.parse(new String[] { "--data-dir" }, DEFAULT)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LocalPlatform.Options.parse(new String[] { "--frsh" }, DEFAULT)).hasMessageContaining("unknown option --frsh");
    }

    @Test
    void helpIsNoOptionsAtAll() {
        assertThat(LocalPlatform.Options.parse(new String[] { "--help" }, DEFAULT)).isNull();
    }
}
