package org.partnerplatform.catalog.service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an admin writes about a product, whether creating it or replacing it: everything but its identity. */
public interface ProductContent {
    ProductName name();

    String vatGroup();

    String vatRate();

    List<PriceInput> prices();

    List<String> distributionChannels();

    LocalDate validFrom();

    LocalDate validTo();

    /** The rules between fields, which Bean Validation on single fields does not see. */
    default void checkConsistency(InvalidRequestException.Collector errors) {
        VatGroup group = VatGroup.parse(vatGroup() == null ? VatGroup.DEFAULT.name() : vatGroup()).orElse(null);
        if (group == null) {
            errors.add("vatGroup", "must be one of " + List.of(VatGroup.values()));
        } else if (vatRate() != null && !vatRate().equals(group.rate())) {
            errors.add("vatRate", "the rate of " + group + " is " + group.rate());
        }
        if (validFrom() != null && validTo() != null && validTo().isBefore(validFrom())) {
            errors.add("validTo", "must not be before validFrom");
        }
        Set<String> profiles = new HashSet<>();
        for (PriceInput price : prices()) {
            if (!profiles.add(price.userProfile())) {
                errors.add("prices", "more than one price for user profile " + price.userProfile());
            }
        }
        if (new HashSet<>(distributionChannels()).size() != distributionChannels().size()) {
            errors.add("distributionChannels", "must not repeat a channel");
        }
    }

    default VatGroup vatGroupOrDefault() {
        return vatGroup() == null ? VatGroup.DEFAULT : VatGroup.valueOf(vatGroup());
    }
}
