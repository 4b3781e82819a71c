package org.partnerplatform.events.catalog;

/** The price of a product for one user profile, VAT included, as a decimal string in NOK. */
public record ProductPrice(String userProfile, String amount, String currency) {
}
