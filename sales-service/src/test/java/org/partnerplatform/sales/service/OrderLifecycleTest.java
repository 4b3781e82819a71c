package org.partnerplatform.sales.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.partnerplatform.sales.repository.CatalogProjection.AgreementRow;
import org.partnerplatform.sales.repository.CatalogSnapshot;
import org.partnerplatform.sales.repository.SalesOrder;
import org.partnerplatform.sales.repository.SalesOrderLine;

/** What may happen to an order and when, without a database. */
class OrderLifecycleTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long PARTNER = 8;
    static final long VY = 2;

    static SalesOrder order(String status, String balance, Instant expireAt) {
        SalesOrder o = new SalesOrder();
        o.id = UUID.randomUUID();
        o.organisationId = PARTNER;
        o.operatorOrganisationId = VY;
        o.status = status;
        o.version = 1;
        o.balance = new BigDecimal(balance);
        o.expireAt = expireAt;
        return o;
    }

    static SalesOrder draft() {
        return order(SalesOrder.DRAFT, "798.00", NOW.plusSeconds(60));
    }

    static SalesOrderLine line(String product, UUID creditId) {
        SalesOrderLine l = new SalesOrderLine();
        l.id = UUID.randomUUID();
        l.productId = product;
        l.amount = new BigDecimal("399.00");
        l.taxAmount = new BigDecimal("42.75");
        l.creditId = creditId;
        return l;
    }

    static OrderLifecycle.Payment agent(String amount) {
        return new OrderLifecycle.Payment("AGENT", amount, "NOK", "ref-1");
    }

    static void refused(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrderRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    @Test
    void aDraftIsPaidByOneAgentPaymentOfTheWholeBalanceInNok() {
        OrderLifecycle.requirePayable(draft(), agent("798.00"), NOW);
        refused(() -> OrderLifecycle.requirePayable(draft(), agent("700.00"), NOW), 422, "payment-must-cover-balance");
        refused(() -> OrderLifecycle.requirePayable(draft(), agent("798.000"), NOW), 422, "invalid-amount");
        refused(() -> OrderLifecycle.requirePayable(draft(), new OrderLifecycle.Payment("CARD", "798.00", "NOK", null), NOW), 422,
                "unsupported-payment-type");
        refused(() -> OrderLifecycle.requirePayable(draft(), new OrderLifecycle.Payment("AGENT", "798.00", "SEK", null), NOW), 422,
                "unsupported-currency");
        refused(() -> OrderLifecycle.requirePayable(order(SalesOrder.DRAFT, "0.00", NOW.plusSeconds(60)), agent("0.00"), NOW), 409, "already-paid");
        refused(() -> OrderLifecycle.requirePayable(order(SalesOrder.CONFIRMED, "0.00", null), agent("0.00"), NOW), 409, "order-not-draft");
    }

    @Test
    void onlyAPaidOpenDraftConfirmsAndConfirmingAgainChangesNothing() {
        assertThat(OrderLifecycle.requireConfirmable(order(SalesOrder.DRAFT, "0.00", NOW.plusSeconds(60)), NOW)).isTrue();
        assertThat(OrderLifecycle.requireConfirmable(order(SalesOrder.CONFIRMED, "0.00", null), NOW)).isFalse();
        refused(() -> OrderLifecycle.requireConfirmable(draft(), NOW), 409, "balance-not-paid");
        refused(() -> OrderLifecycle.requireConfirmable(order(SalesOrder.CANCELLED, "0.00", NOW), NOW), 409, "order-not-draft");
        refused(() -> OrderLifecycle.requireConfirmable(order(SalesOrder.EXPIRED, "0.00", NOW), NOW), 409, "order-expired");
    }

    @Test
    void aDraftIsExpiredFromItsExpireAtEvenBeforeTheSweepMarksIt() {
        SalesOrder due = order(SalesOrder.DRAFT, "0.00", NOW);
        assertThat(OrderLifecycle.isExpired(due, NOW)).isTrue();
        assertThat(OrderLifecycle.isExpired(due, NOW.minusMillis(1))).isFalse();
        assertThat(OrderLifecycle.isExpired(order(SalesOrder.CONFIRMED, "0.00", NOW.minusSeconds(60)), NOW)).isFalse();
        refused(() -> OrderLifecycle.requireConfirmable(due, NOW), 409, "order-expired");
        refused(() -> OrderLifecycle.requirePayable(order(SalesOrder.DRAFT, "10.00", NOW), agent("10.00"), NOW), 409, "order-expired");
        refused(() -> OrderLifecycle.requireCancellable(due, NOW), 409, "order-expired");
    }

    @Test
    void onlyADraftIsCancelledAndCancellingAgainChangesNothing() {
        assertThat(OrderLifecycle.requireCancellable(draft(), NOW)).isTrue();
        assertThat(OrderLifecycle.requireCancellable(order(SalesOrder.CANCELLED, "798.00", NOW), NOW)).isFalse();
        refused(() -> OrderLifecycle.requireCancellable(order(SalesOrder.CONFIRMED, "0.00", null), NOW), 409, "order-confirmed");
        refused(() -> OrderLifecycle.requireCancellable(order(SalesOrder.EXPIRED, "798.00", NOW), NOW), 409, "order-expired");
    }

    @Test
    void ifMatchMustNameTheOrdersVersion() {
        SalesOrder o = order(SalesOrder.CONFIRMED, "0.00", null);
        o.version = 3;
        OrderLifecycle.requireVersion(o, null);
        OrderLifecycle.requireVersion(o, 3);
        refused(() -> OrderLifecycle.requireVersion(o, 2), 412, "stale-version");
    }

    @Test
    void aRefundTakesTheNamedLinesOrEveryLineNotYetRefundedAndNeverALineTwice() {
        SalesOrder o = order(SalesOrder.CONFIRMED, "0.00", null);
        SalesOrderLine a = line("VYG:SalesPackage:Standard", null);
        SalesOrderLine b = line("VYG:SalesPackage:Flex", null);
        SalesOrderLine done = line("VYG:SalesPackage:Standard", UUID.randomUUID());
        List<SalesOrderLine> lines = List.of(a, b, done);

        assertThat(OrderLifecycle.linesToRefund(o, lines, null)).containsExactly(a, b);
        assertThat(OrderLifecycle.linesToRefund(o, lines, List.of())).containsExactly(a, b);
        assertThat(OrderLifecycle.linesToRefund(o, lines, List.of(b.id.toString(), b.id.toString()))).containsExactly(b);
        refused(() -> OrderLifecycle.linesToRefund(o, lines, List.of(done.id.toString())), 409, "line-already-refunded");
        refused(() -> OrderLifecycle.linesToRefund(o, lines, List.of(UUID.randomUUID().toString())), 422, "unknown-order-line");
        refused(() -> OrderLifecycle.linesToRefund(o, List.of(done), null), 409, "already-refunded");
        refused(() -> OrderLifecycle.linesToRefund(draft(), List.of(a), null), 409, "order-not-confirmed");
    }

    @Test
    void aRefundNeedsTheRefundRightOnEveryProductFromTheOrdersOperator() {
        SalesOrder o = order(SalesOrder.CONFIRMED, "0.00", null);
        var covered = new CatalogSnapshot.Agreement(new AgreementRow("agr-1", VY, 500, "WEB"), PARTNER, false, Set.of("VYG:SalesPackage:Standard"));
        var otherOperator = new CatalogSnapshot.Agreement(new AgreementRow("agr-2", 99, 500, "WEB"), PARTNER, true, Set.of());
        CatalogSnapshot refundAgreements = new CatalogSnapshot(Map.of(), Map.of(), Map.of(PARTNER, List.of(covered, otherOperator)));

        OrderLifecycle.requireRefundRight(o, List.of(line("VYG:SalesPackage:Standard", null)), refundAgreements);
        refused(() -> OrderLifecycle.requireRefundRight(o, List.of(line("VYG:SalesPackage:Standard", null), line("VYG:SalesPackage:Flex", null)),
                refundAgreements), 403, "no-refund-right");
        refused(() -> OrderLifecycle.requireRefundRight(o, List.of(line("VYG:SalesPackage:Standard", null)),
                new CatalogSnapshot(Map.of(), Map.of(), Map.of())), 403, "no-refund-right");
    }
}
