package org.partnerplatform.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the catalog, agreement, order and settlement pages; Norwegian (bokmål) in messages/money_nb.properties. */
@MessageBundle(value = "money", locale = "en")
public interface Money {
    @Message("Catalog")
    String navCatalog();

    @Message("Agreements")
    String navAgreements();

    @Message("Orders")
    String navOrders();

    @Message("Settlements")
    String navSettlements();

    @Message("What {organisationId} may sell in {environment} on {date}: {count} products.")
    String catalogIntro(long organisationId, String environment, Object date, long count);

    @Message("Search")
    String search();

    @Message("Product")
    String product();

    @Message("Operator")
    String operator();

    @Message("User profile")
    String userProfile();

    @Message("Price incl. VAT")
    String priceInclVat();

    @Message("Excl. VAT")
    String priceExclVat();

    @Message("VAT")
    String vat();

    @Message("VAT rate")
    String vatRate();

    @Message("Ticket valid for")
    String ticketValidity();

    @Message("On sale")
    String onSale();

    @Message("Source")
    String source();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Ready for use")
    String readyForUse();

    @Message("Agreement {id}: its products may be sold in {environment}.")
    String readyNotice(String id, String environment);

    @Message("No agreement is ready for use yet.")
    String nothingReady();

    @Message("Agreement")
    String agreement();

    @Message("Rights")
    String rights();

    @Message("Products")
    String products();

    @Message("all of the operator's")
    String allProducts();

    @Message("Commission")
    String commission();

    @Message("Valid")
    String valid();

    @Message("Ready in")
    String readyIn();

    @Message("Order")
    String order();

    @Message("External reference")
    String externalReference();

    @Message("any")
    String any();

    @Message("Total")
    String total();

    @Message("Quantity")
    String quantity();

    @Message("Amount")
    String amount();

    @Message("Refund")
    String refund();

    @Message("Refunded: credit {creditId}.")
    String refundedNotice(String creditId);

    @Message("Tickets")
    String tickets();

    @Message("Credits")
    String credits();

    @Message("No orders found.")
    String noOrders();

    @Message("Settlement")
    String settlement();

    @Message("Day")
    String day();

    @Message("Kind")
    String kind();

    @Message("Entries")
    String entries();

    @Message("Sales")
    String sales();

    @Message("Refunds")
    String refunds();

    @Message("Gross")
    String gross();

    @Message("Net to operator")
    String netToOperator();

    @Message("Download the entries (CSV)")
    String downloadCsv();

    @Message("No settlement has been closed yet.")
    String noSettlements();

    @Message("corrects number {no}")
    String corrects(Object no);

    @Message("Per operator")
    String perOperator();
}
