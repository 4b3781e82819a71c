package org.partnerplatform.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.partnerplatform.catalog.repository.Agreement;

/** An agreement as its parties and the platform's admins read it. */
public record AgreementView(
        String id,
        long partnerOrganisationId,
        long operatorOrganisationId,
        String status,
        boolean allProducts,
        List<String> productIds,
        List<String> rights,
        String distributionChannelId,
        int commissionBasisPoints,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> readyEnvironments,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.partnerOrganisationId, a.operatorOrganisationId, a.status.name(), a.allProducts, sorted(a.productIds),
                sorted(a.rights), a.distributionChannelId, a.commissionBasisPoints, a.validFrom, a.validTo, sorted(a.readyEnvironments),
                a.version, a.createdAt, a.updatedAt);
    }

    private static List<String> sorted(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }
}
