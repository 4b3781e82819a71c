package org.partnerplatform.sales.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.sales.repository.CatalogProjection.AgreementRow;
import org.partnerplatform.sales.repository.CatalogProjection.ProductRow;
import org.partnerplatform.sales.repository.CatalogSnapshot;

/**
 * The sale rule, the same for REST and Kafka: every line's product exists, is on sale today and has a price for the
 * line's user profile; the lines are one operator's; one agreement in force covers them all (the first by id that is
 * in the request's distribution channel, when it names one); every product may be sold in the order's channel (the
 * agreement's). The outcome is a priced plan, or the first reason to refuse.
 * Pure: what it knows of the catalog is the snapshot it is given.
 */
public final class SalePolicy {

    public record PricedLine(SaleRequest.Line line, ProductRow product, BigDecimal unitPrice, BigDecimal amount, BigDecimal vat) {
    }

    public record Plan(AgreementRow agreement, List<PricedLine> lines, BigDecimal total, BigDecimal vat) {
    }

    private record Candidate(PricedLine priced, List<AgreementRow> agreements) {
    }

    private SalePolicy() {
    }

    public static Plan plan(SaleCommand command, CatalogSnapshot catalog, LocalDate today) {
        return plan(command, catalog, today, Set.of());
    }

    /** As {@link #plan(SaleCommand, CatalogSnapshot, LocalDate)}, and nothing of a suspended operator is sold. */
    public static Plan plan(SaleCommand command, CatalogSnapshot catalog, LocalDate today, Set<Long> suspendedOperators) {
        List<Candidate> candidates = new ArrayList<>();
        for (SaleRequest.Line line : command.lines()) {
            ProductRow product = catalog.product(line.productId())
                    .orElseThrow(() -> new OrderRefusedException(422, "unknown-product", "no product " + line.productId()));
            if (!product.sellableOn(today)) {
                throw new OrderRefusedException(422, "product-not-available", line.productId() + " is not on sale today");
            }
            BigDecimal unitPrice = catalog.price(line.productId(), line.userProfile()).orElseThrow(() -> new OrderRefusedException(422,
                    "no-price-for-user-profile", line.productId() + " has no price for user profile " + line.userProfile()));
            BigDecimal amount = Pricing.lineAmount(unitPrice, line.quantity());
            candidates.add(new Candidate(new PricedLine(line, product, unitPrice, amount, Pricing.vatIncluded(amount, product.vatRate())),
                    catalog.agreementsCovering(command.organisationId(), product.operatorOrganisationId(), line.productId())));
        }
        long operator = candidates.get(0).priced().product().operatorOrganisationId();
        AgreementRow agreement = commonAgreement(candidates, command.distributionChannelId());
        if (suspendedOperators.contains(operator)) {
            throw new OrderRefusedException(403, "operator-suspended", "operator " + operator + " is suspended: its products are not sold");
        }
        for (Candidate candidate : candidates) {
            if (!candidate.priced().product().sellableIn(agreement.distributionChannelId())) {
                throw new OrderRefusedException(422, "product-not-in-channel", candidate.priced().line().productId()
                        + " is not sold in distribution channel " + agreement.distributionChannelId());
            }
        }
        List<PricedLine> lines = candidates.stream().map(Candidate::priced).toList();
        BigDecimal total = lines.stream().map(PricedLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal vat = lines.stream().map(PricedLine::vat).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Plan(agreement, lines, total, vat);
    }

    /** One order settles under one agreement: the first (by id) that covers every line, in the requested channel if one is named. */
    private static AgreementRow commonAgreement(List<Candidate> candidates, String channel) {
        Set<Long> operators = new HashSet<>();
        candidates.forEach(c -> operators.add(c.priced().product().operatorOrganisationId()));
        if (operators.size() > 1) {
            throw new OrderRefusedException(422, "multiple-operators", "an order holds the products of one operator");
        }
        Set<String> common = null;
        for (Candidate candidate : candidates) {
            Set<String> ids = new LinkedHashSet<>();
            candidate.agreements().forEach(a -> ids.add(a.id()));
            if (ids.isEmpty()) {
                throw new OrderRefusedException(403, "no-agreement", "no active agreement lets you sell " + candidate.priced().line().productId()
                        + " in this environment today");
            }
            if (common == null) {
                common = ids;
            } else {
                common.retainAll(ids);
            }
        }
        if (common == null || common.isEmpty()) {
            throw new OrderRefusedException(403, "no-agreement", "no single agreement covers every line of the order");
        }
        Set<String> covering = common;
        List<AgreementRow> inOrder = candidates.get(0).agreements().stream().filter(a -> covering.contains(a.id())).toList();
        return inOrder.stream().filter(a -> channel == null || channel.equals(a.distributionChannelId())).findFirst()
                .orElseThrow(() -> new OrderRefusedException(422, "wrong-distribution-channel", "no agreement that covers the order is in distribution channel "
                        + channel + " (they are in " + inOrder.stream().map(AgreementRow::distributionChannelId).distinct().toList() + ")"));
    }
}
