package org.partnerplatform.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.LocalizedText;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.testsupport.KafkaTestClient;

/** Publishes catalog state the way catalog-service does, for sales-service to project. */
final class SalesFixtures {
    static final long OPERATOR = 7;
    static final LocalDate LONG_AGO = LocalDate.parse("2020-01-01");

    private SalesFixtures() {
    }

    static ProductState product(String id, String status, long version, ProductPrice... prices) {
        return product(id, List.of("WEB"), status, version, prices);
    }

    static ProductState product(String id, List<String> channels, String status, long version, ProductPrice... prices) {
        return new ProductState(id, OPERATOR, id.substring(0, 3), new LocalizedText("Produkt " + id, "Product " + id), status, version,
                "TRANSPORT_AND_TICKETS_VAT", "12", List.of(prices), channels, LONG_AGO, null, "PT90M", Instant.now());
    }

    static AgreementState agreement(long partner, String status, List<String> productIds, List<String> rights, List<String> ready,
            long version) {
        return new AgreementState("agr-" + UUID.randomUUID(), partner, OPERATOR, status, false, productIds, rights, "WEB", 500, LONG_AGO,
                null, ready, version, Instant.now());
    }

    static void publish(KafkaTestClient kafka, ProductState product) {
        kafka.sendCloudEvent(Topics.CATALOG_PRODUCTS, product.id(), EventType.PRODUCT.ceType(), EventJson.write(product));
    }

    /** The two products the order tests sell: STANDARD (ADULT 399.00, CHILD 199.50) and FLEX (ADULT 599.00). */
    static void publishStandardAndFlex(KafkaTestClient kafka) {
        publish(kafka, product(SalesTest.STANDARD, "PUBLISHED", 1, new ProductPrice("ADULT", "399.00", "NOK"), new ProductPrice("CHILD", "199.50", "NOK")));
        publish(kafka, product(SalesTest.FLEX, "PUBLISHED", 1, new ProductPrice("ADULT", "599.00", "NOK")));
    }

    static void publish(KafkaTestClient kafka, AgreementState agreement) {
        kafka.sendCloudEvent(Topics.CATALOG_AGREEMENTS, agreement.id(), EventType.AGREEMENT.ceType(), EventJson.write(agreement));
    }

    static AgreementState withVersion(AgreementState a, String status, long version) {
        return new AgreementState(a.id(), a.partnerOrganisationId(), a.operatorOrganisationId(), status, a.allProducts(), a.productIds(),
                a.rights(), a.distributionChannelId(), a.commissionBasisPoints(), a.validFrom(), a.validTo(), a.readyEnvironments(), version,
                Instant.now());
    }
}
