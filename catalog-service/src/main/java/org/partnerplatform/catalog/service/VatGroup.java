package org.partnerplatform.catalog.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The VAT groups a product may belong to, each with its Norwegian rate. Fare products are passenger transport:
 * 12 %. The rate follows from the group, so a product cannot carry a group and a rate that disagree.
 */
public enum VatGroup {
    TRANSPORT_AND_TICKETS_VAT("12");

    public static final VatGroup DEFAULT = TRANSPORT_AND_TICKETS_VAT;

    private final String rate;

    VatGroup(String rate) {
        this.rate = rate;
    }

    public String rate() {
        return rate;
    }

    public static Optional<VatGroup> parse(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst();
    }
}
