package org.partnerplatform.events;

import java.time.Duration;
import java.util.List;

/**
 * The topics every partner gets at registration, with the partitions and retention the platform documents
 * (docs/operations.md, "Topics and ACLs"). token-service creates them; the Strimzi resources it renders for a
 * partner use the same figures, so that a cluster declared by hand and one provisioned by the platform agree.
 */
public final class PartnerTopics {
    /**
     * One partition each: a partner's traffic is far below what a partition carries, and a consumer of many partner
     * topics pays for every partition it reads on every fetch (docs/benchmarks.md, "The money path").
     */
    public static final int PARTITIONS = 1;

    /** A partner topic: its name, partitions, and how long the broker keeps its records. */
    public record Topic(String name, int partitions, Duration retention, Access partnerAccess) {
    }

    /** What the partner's own Kafka user may do on the topic. */
    public enum Access {
        /** The partner writes (its sale and refund requests). */
        WRITE,
        /** The partner reads (its results and notifications). */
        READ,
        /** Only the platform: the dead letters of the partner's requests, read by the platform's operators. */
        NONE
    }

    private PartnerTopics() {
    }

    /**
     * The partner's topics. Dead letters exist where the platform consumes: its request topic. The partner consumes
     * its results and notifications itself, and keeps its own dead letters.
     */
    public static List<Topic> of(long organisationId) {
        String requests = Topics.salesRequests(organisationId);
        return List.of(
                new Topic(requests, PARTITIONS, Duration.ofDays(7), Access.WRITE),
                new Topic(Topics.deadLetter(requests), PARTITIONS, Duration.ofDays(365), Access.NONE),
                new Topic(Topics.salesResults(organisationId), PARTITIONS, Duration.ofDays(7), Access.READ),
                new Topic(Topics.catalogNotifications(organisationId), PARTITIONS, Duration.ofDays(30), Access.READ));
    }

    /** The consumer groups a partner may use: any whose name starts with this (the trailing "-" keeps partner 420 out of 42's). */
    public static String consumerGroupPrefix(long organisationId) {
        return "partner-" + organisationId + "-";
    }
}
