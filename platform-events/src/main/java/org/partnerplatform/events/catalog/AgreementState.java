package org.partnerplatform.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Full state of a three-party agreement (platform, partner, operator) on the compacted topic catalog.agreements.
 * Key: id. An empty productIds with allProducts=true covers every product of the operator.
 */
public record AgreementState(
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
        Instant updatedAt) {
}
