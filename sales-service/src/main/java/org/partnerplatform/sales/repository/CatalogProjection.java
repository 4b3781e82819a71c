package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * sales-service's copy of the catalog, kept from catalog-service's full-state topics. Writes apply an event only
 * when it is newer than what is stored, so replays and out-of-order deliveries change nothing; reads answer the
 * questions a sale asks ({@link CatalogReads}). Native SQL: the upsert-if-newer is one statement.
 */
@ApplicationScoped
public class CatalogProjection {

    /** A product; {@code distributionChannels} is null when not known (projected before the projection kept it). */
    public record ProductRow(String id, long operatorOrganisationId, String status, BigDecimal vatRate, LocalDate validFrom,
            LocalDate validTo, Set<String> distributionChannels, String ticketValidity) {
        public boolean sellableOn(LocalDate day) {
            return "PUBLISHED".equals(status) && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }

        public boolean sellableIn(String channel) {
            return distributionChannels == null || distributionChannels.contains(channel);
        }
    }

    public record AgreementRow(String id, long operatorOrganisationId, int commissionBasisPoints, String distributionChannelId) {
    }

    private static final String UPSERT_PRODUCT = """
            insert into product_projection (id, operator_organisation_id, status, vat_rate, valid_from, valid_to, distribution_channels,
                ticket_validity, version, updated_at)
            values (:id, :operator, :status, :vatRate, :validFrom, :validTo, string_to_array(:channels, ','), :ticketValidity, :version, :updatedAt)
            on conflict (id) do update set operator_organisation_id = excluded.operator_organisation_id, status = excluded.status,
                vat_rate = excluded.vat_rate, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                distribution_channels = excluded.distribution_channels, ticket_validity = excluded.ticket_validity,
                version = excluded.version, updated_at = excluded.updated_at
             where product_projection.version < excluded.version""";

    private static final String UPSERT_AGREEMENT = """
            insert into agreement_projection (id, partner_organisation_id, operator_organisation_id, status, all_products, rights,
                distribution_channel_id, commission_basis_points, valid_from, valid_to, ready_environments, version, updated_at)
            values (:id, :partner, :operator, :status, :allProducts, string_to_array(:rights, ','), :channel, :commission,
                :validFrom, :validTo, string_to_array(:ready, ','), :version, :updatedAt)
            on conflict (id) do update set partner_organisation_id = excluded.partner_organisation_id,
                operator_organisation_id = excluded.operator_organisation_id, status = excluded.status,
                all_products = excluded.all_products, rights = excluded.rights, distribution_channel_id = excluded.distribution_channel_id,
                commission_basis_points = excluded.commission_basis_points, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                ready_environments = excluded.ready_environments, version = excluded.version, updated_at = excluded.updated_at
             where agreement_projection.version < excluded.version""";

    /** Applies a product's full state if it is newer than the stored one; true when it changed the projection. */
    public Uni<Boolean> apply(ProductState p) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT_PRODUCT)
                .setParameter("id", p.id())
                .setParameter("operator", p.operatorOrganisationId())
                .setParameter("status", p.status())
                .setParameter("vatRate", new BigDecimal(p.vatRate()))
                .setParameter("validFrom", p.validFrom())
                .setParameter("validTo", p.validTo())
                .setParameter("channels", String.join(",", p.distributionChannels()))
                .setParameter("ticketValidity", p.ticketValidity())
                .setParameter("version", p.version())
                .setParameter("updatedAt", OffsetDateTime.ofInstant(p.updatedAt(), ZoneOffset.UTC))
                .executeUpdate()
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false)
                        : replacePrices(s, p.id(), p.prices()).replaceWith(true)));
    }

    private static Uni<Void> replacePrices(org.hibernate.reactive.mutiny.Mutiny.Session s, String productId, List<ProductPrice> prices) {
        Uni<Integer> chain = s.createNativeQuery("delete from product_price_projection where product_id = :id")
                .setParameter("id", productId).executeUpdate();
        for (ProductPrice price : prices) {
            chain = chain.chain(() -> s.createNativeQuery("insert into product_price_projection (product_id, user_profile, amount) "
                    + "values (:id, :profile, :amount)")
                    .setParameter("id", productId).setParameter("profile", price.userProfile())
                    .setParameter("amount", Amounts.parse(price.amount())).executeUpdate());
        }
        return chain.replaceWithVoid();
    }

    /** Applies an agreement's full state if it is newer than the stored one; true when it changed the projection. */
    public Uni<Boolean> apply(AgreementState a) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT_AGREEMENT)
                .setParameter("id", a.id())
                .setParameter("partner", a.partnerOrganisationId())
                .setParameter("operator", a.operatorOrganisationId())
                .setParameter("status", a.status())
                .setParameter("allProducts", a.allProducts())
                .setParameter("rights", String.join(",", a.rights()))
                .setParameter("channel", a.distributionChannelId())
                .setParameter("commission", a.commissionBasisPoints())
                .setParameter("validFrom", a.validFrom())
                .setParameter("validTo", a.validTo())
                .setParameter("ready", String.join(",", a.readyEnvironments()))
                .setParameter("version", a.version())
                .setParameter("updatedAt", OffsetDateTime.ofInstant(a.updatedAt(), ZoneOffset.UTC))
                .executeUpdate()
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false) : replaceProducts(s, a).replaceWith(true)));
    }

    private static Uni<Void> replaceProducts(org.hibernate.reactive.mutiny.Mutiny.Session s, AgreementState a) {
        Uni<Integer> chain = s.createNativeQuery("delete from agreement_product_projection where agreement_id = :id")
                .setParameter("id", a.id()).executeUpdate();
        for (String productId : a.productIds()) {
            chain = chain.chain(() -> s.createNativeQuery("insert into agreement_product_projection (agreement_id, product_id) values (:a, :p)")
                    .setParameter("a", a.id()).setParameter("p", productId).executeUpdate());
        }
        return chain.replaceWithVoid();
    }
}
