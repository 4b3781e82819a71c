package org.partnerplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.PartnerTopics.Access;
import org.partnerplatform.events.PartnerTopics.Topic;

class PartnerTopicsTest {

    @Test
    void aPartnerGetsItsRequestTopicWithItsDeadLettersAndItsResultAndNotificationTopics() {
        assertThat(PartnerTopics.of(42)).containsExactly(
                new Topic("sales.requests.42", 1, Duration.ofDays(7), Access.WRITE),
                new Topic("sales.requests.42.dlq", 1, Duration.ofDays(365), Access.NONE),
                new Topic("sales.results.42", 1, Duration.ofDays(7), Access.READ),
                new Topic("catalog.notifications.42", 1, Duration.ofDays(30), Access.READ));
    }

    @Test
    void theRequestTopicIsOneThatSalesServiceConsumes() {
        assertThat(Topics.organisationOfRequestTopic(PartnerTopics.of(42).get(0).name())).isEqualTo(42);
        assertThat(Topics.organisationOfRequestTopic(PartnerTopics.of(42).get(1).name())).isEqualTo(-1);
    }

    @Test
    void consumerGroupsOfPartner42AreNotPartner420s() {
        assertThat("partner-420-app").doesNotStartWith(PartnerTopics.consumerGroupPrefix(42));
        assertThat("partner-42-app").startsWith(PartnerTopics.consumerGroupPrefix(42));
    }
}
