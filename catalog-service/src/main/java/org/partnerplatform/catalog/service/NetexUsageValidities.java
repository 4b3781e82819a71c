package org.partnerplatform.catalog.service;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.xml.bind.JAXBElement;

import org.rutebanken.netex.model.GenericParameterAssignment_VersionStructure;
import org.rutebanken.netex.model.GenericParameterAssignments_RelStructure;
import org.rutebanken.netex.model.UsageValidityPeriod;
import org.rutebanken.netex.model.UsageValidityPeriodRefStructure;

/**
 * How long a ticket is valid, as NeTEx says it: a UsageValidityPeriod's StandardDuration that a
 * GenericParameterAssignment limits a sales package or a fare product to.
 *
 * @param periods the frames' UsageValidityPeriods by id
 * @param fareProducts the validity parameter assignments of the frames' fare products, by id
 */
record NetexUsageValidities(Map<String, Duration> periods, Map<String, GenericParameterAssignments_RelStructure> fareProducts) {

    /** The first period the assignments limit to, inline or by reference; null when none does. */
    Duration of(GenericParameterAssignments_RelStructure assignments) {
        if (assignments == null) {
            return null;
        }
        for (GenericParameterAssignment_VersionStructure assignment : assignments.getGenericParameterAssignmentOrGenericParameterAssignmentInContext()) {
            if (assignment.getLimitations() == null) {
                continue;
            }
            for (JAXBElement<?> limitation : assignment.getLimitations().getUsageParameterRefOrUsageParameter_()) {
                Object value = limitation.getValue();
                if (value instanceof UsageValidityPeriod period && period.getStandardDuration() != null) {
                    return period.getStandardDuration();
                }
                if (value instanceof UsageValidityPeriodRefStructure ref && periods.containsKey(ref.getRef())) {
                    return periods.get(ref.getRef());
                }
            }
        }
        return null;
    }

    /** As the catalog writes it: whole days as P1D, else hours and minutes (PT90M reads back as PT1H30M); seconds are cut. */
    static String isoDuration(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.toSeconds() % 86_400 == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
