package org.partnerplatform.events.catalog;

/** A name in Norwegian bokmål and English. */
public record LocalizedText(String nb, String en) {
}
