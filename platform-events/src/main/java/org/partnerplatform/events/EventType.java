package org.partnerplatform.events;

import java.util.Arrays;
import java.util.Optional;

import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.events.catalog.ProductsReadinessWithdrawn;
import org.partnerplatform.events.catalog.ProductsReadyForUse;
import org.partnerplatform.events.sales.OrderCancelled;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderExpired;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.events.sales.RefundRequest;
import org.partnerplatform.events.sales.RefundResult;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.events.sales.TicketDisabled;
import org.partnerplatform.events.settlement.SettlementClosed;
import org.partnerplatform.events.settlement.SettlementCorrected;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.events.settlement.SettlementReconciled;
import org.partnerplatform.events.token.ClientCreated;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.events.token.ClientSecretRotated;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;

/**
 * Every event type on the platform. The CloudEvents type ({@code ce_type}) ends with the contract's version;
 * a breaking change is a new type ({@code .v2}) published beside the old one until consumers have moved.
 * Each type has a JSON Schema at {@code schemas/<ce type>.json} on the classpath.
 */
public enum EventType {
    ORGANISATION_REGISTERED("org.partnerplatform.token.OrganisationRegistered.v1", OrganisationRegistered.class),
    ORGANISATION_STATUS_CHANGED("org.partnerplatform.token.OrganisationStatusChanged.v1", OrganisationStatusChanged.class),
    ORGANISATION_CERTIFICATION_CHANGED("org.partnerplatform.token.OrganisationCertificationChanged.v1", OrganisationCertificationChanged.class),
    CLIENT_CREATED("org.partnerplatform.token.ClientCreated.v1", ClientCreated.class),
    CLIENT_SECRET_ROTATED("org.partnerplatform.token.ClientSecretRotated.v1", ClientSecretRotated.class),
    CLIENT_REVOKED("org.partnerplatform.token.ClientRevoked.v1", ClientRevoked.class),
    PRODUCT("org.partnerplatform.catalog.Product.v1", ProductState.class),
    AGREEMENT("org.partnerplatform.catalog.Agreement.v1", AgreementState.class),
    PRODUCTS_READY_FOR_USE("org.partnerplatform.catalog.ProductsReadyForUse.v1", ProductsReadyForUse.class),
    PRODUCTS_READINESS_WITHDRAWN("org.partnerplatform.catalog.ProductsReadinessWithdrawn.v1", ProductsReadinessWithdrawn.class),
    SALE_REQUEST("org.partnerplatform.sales.SaleRequest.v1", SaleRequest.class),
    SALE_RESULT("org.partnerplatform.sales.SaleResult.v1", SaleResult.class),
    REFUND_REQUEST("org.partnerplatform.sales.RefundRequest.v1", RefundRequest.class),
    REFUND_RESULT("org.partnerplatform.sales.RefundResult.v1", RefundResult.class),
    ORDER_CONFIRMED("org.partnerplatform.sales.OrderConfirmed.v1", OrderConfirmed.class),
    ORDER_REFUNDED("org.partnerplatform.sales.OrderRefunded.v1", OrderRefunded.class),
    ORDER_CANCELLED("org.partnerplatform.sales.OrderCancelled.v1", OrderCancelled.class),
    ORDER_EXPIRED("org.partnerplatform.sales.OrderExpired.v1", OrderExpired.class),
    SALES_DAY_TOTALS("org.partnerplatform.sales.SalesDayTotals.v1", SalesDayTotals.class),
    TICKET_DISABLED("org.partnerplatform.sales.TicketDisabled.v1", TicketDisabled.class),
    SETTLEMENT_ENTRY_RECORDED("org.partnerplatform.settlement.SettlementEntryRecorded.v1", SettlementEntryRecorded.class),
    SETTLEMENT_CLOSED("org.partnerplatform.settlement.SettlementClosed.v1", SettlementClosed.class),
    SETTLEMENT_CORRECTED("org.partnerplatform.settlement.SettlementCorrected.v1", SettlementCorrected.class),
    SETTLEMENT_RECONCILED("org.partnerplatform.settlement.SettlementReconciled.v1", SettlementReconciled.class);

    private final String ceType;
    private final Class<?> payloadType;

    EventType(String ceType, Class<?> payloadType) {
        this.ceType = ceType;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public String schemaResource() {
        return "schemas/" + ceType + ".json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static Optional<EventType> ofPayload(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst();
    }
}
