package org.partnerplatform.catalog.repository;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A product's price for one user profile, VAT included, in NOK. */
@Embeddable
public class Price {
    @Column(name = "user_profile")
    public String userProfile;
    @Column(precision = 12, scale = 2)
    public BigDecimal amount;

    public Price() {
    }

    public Price(String userProfile, BigDecimal amount) {
        this.userProfile = userProfile;
        this.amount = amount;
    }
}
