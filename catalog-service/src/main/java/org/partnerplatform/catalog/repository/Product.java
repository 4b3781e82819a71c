package org.partnerplatform.catalog.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** An operator's product: a NeTEx sales package with prices per user profile. Its id names its codespace. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {
    private static final String WITH_COLLECTIONS = "select p from Product p left join fetch p.prices left join fetch p.distributionChannels ";

    @Id
    public String id;
    @Column(name = "operator_organisation_id")
    public long operatorOrganisationId;
    public String codespace;
    @Column(name = "name_nb")
    public String nameNb;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public ProductStatus status;
    @Column(name = "vat_group")
    public String vatGroup;
    @Column(name = "vat_rate")
    public String vatRate;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    /** How long a ticket is valid from its start, ISO-8601 (PT90M, P1D). */
    @Column(name = "ticket_validity")
    public String ticketValidity;
    /** Optimistic locking: an update based on an older version fails instead of overwriting a newer one. */
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "data_source")
    public DataSource dataSource = DataSource.ADMIN_API;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_price", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    public List<Price> prices = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_distribution_channel", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @Column(name = "channel")
    public List<String> distributionChannels = new ArrayList<>();

    /** All products, or those of one operator, ordered by id, with their prices and channels in one query. */
    public static Uni<List<Product>> listOf(Long operatorOrganisationId) {
        return operatorOrganisationId == null
                ? find(WITH_COLLECTIONS + "order by p.id").list()
                : find(WITH_COLLECTIONS + "where p.operatorOrganisationId = ?1 order by p.id", operatorOrganisationId).list();
    }

    /** Which of the given ids are products of the operator. */
    public static Uni<List<String>> idsOfOperator(Collection<String> ids, long operatorOrganisationId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select p.id from Product p where p.id in ?1 and p.operatorOrganisationId = ?2", String.class)
                .setParameter(1, ids).setParameter(2, operatorOrganisationId).getResultList());
    }

    public static Uni<List<String>> publishedIdsOfOperator(long operatorOrganisationId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select p.id from Product p where p.operatorOrganisationId = ?1 and p.status = ?2 order by p.id", String.class)
                .setParameter(1, operatorOrganisationId).setParameter(2, ProductStatus.PUBLISHED).getResultList());
    }
}
