package org.partnerplatform.sales.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.sales")
public interface SalesConfig {

    /** Time zone in which products' and agreements' validity dates are read. */
    @WithDefault("Europe/Oslo")
    ZoneId zone();
}
