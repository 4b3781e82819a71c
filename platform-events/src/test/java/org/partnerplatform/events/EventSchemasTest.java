package org.partnerplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.LocalizedText;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.events.catalog.ProductsReadinessWithdrawn;
import org.partnerplatform.events.catalog.ProductsReadyForUse;
import org.partnerplatform.events.sales.OrderCancelled;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderExpired;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.events.sales.RefundRequest;
import org.partnerplatform.events.sales.RefundResult;
import org.partnerplatform.events.sales.OrderLine;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.events.settlement.SettlementClosed;
import org.partnerplatform.events.settlement.SettlementCorrected;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.events.settlement.SettlementReconciled;
import org.partnerplatform.events.settlement.SettlementTotals;
import org.partnerplatform.events.token.ClientCreated;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.events.token.ClientSecretRotated;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;

class EventSchemasTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final LocalDate DAY = LocalDate.parse("2026-11-24");
    static final OrderLine LINE = new OrderLine("l1", "VYG:SalesPackage:Standard", "ADULT", 2, "399.00", "798.00", "85.50", "TRANSPORT_AND_TICKETS_VAT", "12");

    static Map<EventType, Object> samples() {
        Map<EventType, Object> samples = new EnumMap<>(EventType.class);
        samples.put(EventType.ORGANISATION_REGISTERED, new OrganisationRegistered(42, "Reisebyrå AS", "PARTNER", null, "ACTIVE", "NOT_CERTIFIED", NOW));
        samples.put(EventType.ORGANISATION_STATUS_CHANGED, new OrganisationStatusChanged(42, "SUSPENDED", "unpaid invoices", "admin-client", NOW));
        samples.put(EventType.ORGANISATION_CERTIFICATION_CHANGED, new OrganisationCertificationChanged(42, "CERTIFIED", "CERT-2026-17", "admin-client", NOW));
        samples.put(EventType.CLIENT_SECRET_ROTATED, new ClientSecretRotated("c-1", 42, NOW, NOW.plusSeconds(3600)));
        samples.put(EventType.PRODUCTS_READINESS_WITHDRAWN, new ProductsReadinessWithdrawn("agr-1", 42, 7, "STAGING", NOW));
        samples.put(EventType.CLIENT_CREATED, new ClientCreated("c-1", 42, "reisebyra-app", List.of("PARTNER"), "STAGING", NOW));
        samples.put(EventType.CLIENT_REVOKED, new ClientRevoked("c-1", 42, NOW));
        samples.put(EventType.PRODUCT, new ProductState("VYG:SalesPackage:Standard", 7, "VYG", new LocalizedText("Standard", "Standard"),
                "PUBLISHED", 3, "TRANSPORT_AND_TICKETS_VAT", "12", List.of(new ProductPrice("ADULT", "399.00", "NOK")), List.of("WEB"),
                LocalDate.parse("2026-01-01"), null, "PT90M", NOW));
        samples.put(EventType.AGREEMENT, new AgreementState("agr-1", 42, 7, "ACTIVE", false, List.of("VYG:SalesPackage:Standard"),
                List.of("SELL", "REFUND"), "WEB", 500, LocalDate.parse("2026-01-01"), null, List.of("STAGING"), 2, NOW));
        samples.put(EventType.PRODUCTS_READY_FOR_USE, new ProductsReadyForUse("agr-1", 42, 7, "STAGING", List.of("VYG:SalesPackage:Standard"), NOW));
        samples.put(EventType.SALE_REQUEST, new SaleRequest("key-00000001", "WEB", List.of(new SaleRequest.Line("VYG:SalesPackage:Standard", "ADULT", 2)), null));
        samples.put(EventType.SALE_RESULT, new SaleResult("key-00000001", "CONFIRMED", false, "o-1", "798.00", "85.50", "NOK", List.of(LINE), List.of("t-1", "t-2"), null, null));
        samples.put(EventType.ORDER_CONFIRMED, new OrderConfirmed("o-1", 1, 42, 7, "agr-1", 500, "WEB", "AGENT", "NOK", "798.00", "85.50", NOW, List.of(LINE), List.of("t-1", "t-2")));
        samples.put(EventType.ORDER_REFUNDED, new OrderRefunded("o-1", 2, 42, 7, "agr-1", 500, "WEB", "c-1", "NOK", "798.00", "85.50", NOW, List.of(LINE), List.of("t-1", "t-2")));
        samples.put(EventType.REFUND_REQUEST, new RefundRequest("key-00000002", "0190d3a2-7c1e-7a4b-8f00-1234567890ab", List.of("l1"), 1));
        samples.put(EventType.REFUND_RESULT, new RefundResult("key-00000002", "REFUNDED", false, "o-1", 2, "c-1", "798.00", "85.50", "NOK",
                List.of("l1"), List.of("t-1", "t-2"), null, null));
        samples.put(EventType.ORDER_CANCELLED, new OrderCancelled("o-1", 1, 42, NOW));
        samples.put(EventType.ORDER_EXPIRED, new OrderExpired("o-1", 1, 42, NOW, NOW.plusSeconds(5)));
        samples.put(EventType.SETTLEMENT_ENTRY_RECORDED, new SettlementEntryRecorded("e-1", "SALE", "o-1", 42, 7, "agr-1", "NOK", "798.00", "85.50", "39.90", "758.10", 500, NOW, NOW));
        samples.put(EventType.SALES_DAY_TOTALS, new SalesDayTotals(42, DAY, "NOK", 3, "1197.00", 1, "399.00", NOW));
        samples.put(EventType.TICKET_DISABLED, new org.partnerplatform.events.sales.TicketDisabled("t-1", "o-1", 7, "VYG", NOW, NOW.plusSeconds(5400)));
        SettlementTotals whole = new SettlementTotals(null, 3, "1197.00", 1, "399.00", "798.00", "85.50", "39.90", "758.10");
        SettlementTotals operator = new SettlementTotals(7L, 3, "1197.00", 1, "399.00", "798.00", "85.50", "39.90", "758.10");
        samples.put(EventType.SETTLEMENT_CLOSED, new SettlementClosed("s-1", 42, 1, DAY, "NOK", 4, whole, List.of(operator), NOW));
        samples.put(EventType.SETTLEMENT_CORRECTED, new SettlementCorrected("s-2", 42, 2, DAY, "s-1", 1, "NOK", 4, whole, List.of(operator), NOW));
        var figures = new SettlementReconciled.DayFigures(3, "1197.00", 1, "399.00");
        samples.put(EventType.SETTLEMENT_RECONCILED, new SettlementReconciled(42, DAY, "MISMATCH", figures, figures,
                new SettlementReconciled.DayFigures(-1, "-399.00", 0, "0.00"), NOW));
        return samples;
    }

    @Test
    void everyTypeHasASampleThatValidatesAndRoundTrips() {
        Map<EventType, Object> samples = samples();
        assertThat(samples.keySet()).containsExactlyInAnyOrder(EventType.values());
        samples.forEach((type, payload) -> {
            String json = EventJson.write(payload);
            assertThat(EventSchemas.violations(type, json)).as(type + ": " + json).isEmpty();
            assertThat(EventJson.read(json, type.payloadType())).isEqualTo(payload);
            assertThat(EventType.ofPayload(payload.getClass())).contains(type);
            assertThat(EventType.ofCeType(type.ceType())).contains(type);
        });
    }

    @Test
    void amountsAreDecimalStringsWithTwoDecimals() {
        var bad = new OrderConfirmed("o-1", 1, 42, 7, "agr-1", 500, "WEB", "AGENT", "NOK", "798.0", "85.50", NOW, List.of(LINE), List.of("t-1"));
        assertThat(EventSchemas.violations(EventType.ORDER_CONFIRMED, EventJson.write(bad))).isNotEmpty();
        String asNumber = EventJson.write(samples().get(EventType.ORDER_CONFIRMED)).replace("\"totalAmount\":\"798.00\"", "\"totalAmount\":798.00");
        assertThat(asNumber).contains("\"totalAmount\":798.00");
        assertThat(EventSchemas.violations(EventType.ORDER_CONFIRMED, asNumber)).isNotEmpty();
    }

    @Test
    void aRejectedResultNeedsAReasonAndAConfirmedOneAnOrder() {
        assertThat(EventSchemas.violations(EventType.SALE_RESULT, EventJson.write(SaleResult.rejected("key-00000001", "NO_AGREEMENT", "no agreement")))).isEmpty();
        assertThat(EventSchemas.violations(EventType.SALE_RESULT, "{\"idempotencyKey\":\"k\",\"status\":\"REJECTED\",\"replayed\":false}")).isNotEmpty();
        assertThat(EventSchemas.violations(EventType.SALE_RESULT, "{\"idempotencyKey\":\"k\",\"status\":\"CONFIRMED\",\"replayed\":false}")).isNotEmpty();
    }

    @Test
    void aClientEventNeverCarriesASecret() {
        String withSecret = EventJson.write(samples().get(EventType.CLIENT_CREATED)).replace("{", "{\"secret\":\"s3cr3t\",");
        assertThat(EventSchemas.violations(EventType.CLIENT_CREATED, withSecret)).isNotEmpty();
    }

    @Test
    void saleRequestsAreCheckedStrictly() {
        assertThat(EventSchemas.violations(EventType.SALE_REQUEST, "{\"idempotencyKey\":\"key-00000001\",\"lines\":[]}")).isNotEmpty();
        assertThat(EventSchemas.violations(EventType.SALE_REQUEST, "{\"idempotencyKey\":\"key-00000001\",\"lines\":[{\"productId\":\"bogus\",\"userProfile\":\"ADULT\",\"quantity\":1}]}")).isNotEmpty();
        assertThat(EventSchemas.violations(EventType.SALE_REQUEST, "not json")).singleElement().asString().startsWith("not JSON");
        assertThatThrownBy(() -> EventSchemas.requireValid(EventType.SALE_REQUEST, "{}")).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("idempotencyKey");
    }

    @Test
    void amountsFormatExactly() {
        assertThat(Amounts.format(new java.math.BigDecimal("399"))).isEqualTo("399.00");
        assertThat(Amounts.parse("42.50")).isEqualByComparingTo("42.5");
        assertThatThrownBy(() -> Amounts.format(new java.math.BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Amounts.parse("1.5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestTopicsNameTheirOrganisation() {
        assertThat(Topics.organisationOfRequestTopic("sales.requests.42")).isEqualTo(42);
        assertThat(Topics.organisationOfRequestTopic("sales.requests.42.dlq")).isEqualTo(-1);
        assertThat(Topics.organisationOfRequestTopic("sales.results.42")).isEqualTo(-1);
    }
}
