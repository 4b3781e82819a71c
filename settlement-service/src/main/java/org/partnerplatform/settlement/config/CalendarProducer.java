package org.partnerplatform.settlement.config;

import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerplatform.settlement.service.SettlementCalendar;
import org.partnerplatform.web.PlatformClock;

public class CalendarProducer {

    @Produces
    @Singleton
    SettlementCalendar calendar(@ConfigProperty(name = PlatformClock.TIME_ZONE_KEY, defaultValue = PlatformClock.DEFAULT_TIME_ZONE) ZoneId zone,
            SettlementConfig config) {
        return new SettlementCalendar(zone, config.closeGrace());
    }
}
