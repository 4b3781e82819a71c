package org.partnerplatform.catalog.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerplatform.events.Environment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A three-party agreement: the platform lets the partner (the seller) sell, and perhaps refund, the operator's
 * products, all of them or those listed, through one distribution channel, for a commission, between two dates.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {
    private static final String WITH_COLLECTIONS = "select a from Agreement a left join fetch a.productIds "
            + "left join fetch a.rights left join fetch a.readyEnvironments ";
    private static final String ORDER = " order by a.createdAt, a.id";

    @Id
    public String id;
    @Column(name = "partner_organisation_id")
    public long partnerOrganisationId;
    @Column(name = "operator_organisation_id")
    public long operatorOrganisationId;
    @Enumerated(EnumType.STRING)
    public AgreementStatus status;
    @Column(name = "all_products")
    public boolean allProducts;
    @Column(name = "distribution_channel_id")
    public String distributionChannelId;
    @Column(name = "commission_basis_points")
    public int commissionBasisPoints;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_product", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "product_id")
    public Set<String> productIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_right", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "right_name")
    @Enumerated(EnumType.STRING)
    public Set<AgreementRight> rights = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_readiness", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "environment")
    @Enumerated(EnumType.STRING)
    public Set<Environment> readyEnvironments = new HashSet<>();

    /** Agreements filtered by either party (null: any), oldest first. */
    public static Uni<List<Agreement>> listOf(Long partnerOrganisationId, Long operatorOrganisationId) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (partnerOrganisationId != null) {
            conditions.add("a.partnerOrganisationId = :partner");
            parameters.put("partner", partnerOrganisationId);
        }
        if (operatorOrganisationId != null) {
            conditions.add("a.operatorOrganisationId = :operator");
            parameters.put("operator", operatorOrganisationId);
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return find(WITH_COLLECTIONS + where + ORDER, parameters).list();
    }

    /** The agreements an organisation is a party to, as partner or as operator. */
    public static Uni<List<Agreement>> ofParty(long organisationId) {
        return find(WITH_COLLECTIONS + "where a.partnerOrganisationId = ?1 or a.operatorOrganisationId = ?1" + ORDER, organisationId).list();
    }

    public boolean hasParty(long organisationId) {
        return partnerOrganisationId == organisationId || operatorOrganisationId == organisationId;
    }
}
