package org.partnerplatform.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderLine;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.testsupport.KafkaTestClient;

/** Order events as sales-service publishes them, for a partner of the test's own. */
final class Fixtures {
    static final AtomicLong PARTNERS = new AtomicLong(500_000 + (System.nanoTime() % 1000) * 1000);

    private Fixtures() {
    }

    static String finance() {
        return org.partnerplatform.testsupport.TestOidcServer.get().token("finance-app", 1, "FINANCE");
    }

    static long newPartner() {
        return PARTNERS.incrementAndGet();
    }

    static OrderLine line(String lineId, String amount, String tax) {
        return new OrderLine(lineId, "VYG:SalesPackage:Standard", "ADULT", 1, amount, amount, tax, "TRANSPORT_AND_TICKETS_VAT", "12");
    }

    static OrderConfirmed sale(long partner, long operator, Instant at, int bps, OrderLine... lines) {
        List<OrderLine> all = List.of(lines);
        String total = sum(all, OrderLine::amount);
        String tax = sum(all, OrderLine::taxAmount);
        return new OrderConfirmed(UUID.randomUUID().toString(), 1, partner, operator, "agr-" + operator, bps, "WEB", "AGENT", "NOK", total, tax, at,
                all, all.stream().map(l -> "t-" + l.lineId()).toList());
    }

    static OrderRefunded refund(OrderConfirmed sale, Instant at, OrderLine... lines) {
        List<OrderLine> all = List.of(lines);
        return new OrderRefunded(sale.orderId(), sale.version() + 1, sale.organisationId(), sale.operatorOrganisationId(), sale.agreementId(),
                sale.commissionBasisPoints(), "WEB", UUID.randomUUID().toString(), "NOK", sum(all, OrderLine::amount), sum(all, OrderLine::taxAmount),
                at, all, all.stream().map(l -> "t-" + l.lineId()).toList());
    }

    static void send(KafkaTestClient kafka, OrderConfirmed sale) {
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, sale.orderId(), EventType.ORDER_CONFIRMED.ceType(), EventJson.write(sale));
    }

    static void send(KafkaTestClient kafka, OrderRefunded refund) {
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, refund.orderId(), EventType.ORDER_REFUNDED.ceType(), EventJson.write(refund));
    }

    static void send(KafkaTestClient kafka, SalesDayTotals totals) {
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, Long.toString(totals.organisationId()), EventType.SALES_DAY_TOTALS.ceType(),
                EventJson.write(totals));
    }

    static SalesDayTotals totals(long partner, LocalDate day, int sales, String saleAmount, int refunds, String refundAmount) {
        return new SalesDayTotals(partner, day, "NOK", sales, saleAmount, refunds, refundAmount, Instant.now());
    }

    private static String sum(List<OrderLine> lines, java.util.function.Function<OrderLine, String> amount) {
        return lines.stream().map(amount).map(java.math.BigDecimal::new).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .setScale(2).toPlainString();
    }
}
