package org.partnerplatform.catalog.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The partner's catalog, filtered entirely in PostgreSQL. The query starts from the caller's sellable agreements
 * (ACTIVE, valid today, with the SELL right, ready in this environment, of the operator asked for: about 50 per
 * partner, found through agreement_by_partner), expands them to the products they cover (all of the operator's
 * published products, or the listed ones through agreement_product's key), and only then filters products, so its
 * cost follows the partner's agreements rather than the size of the catalog. Prices and channels are read for the
 * page's rows only. CatalogQueryScaleTest checks it against a plain statement of the rules on a catalog of
 * benchmark size.
 */
@ApplicationScoped
public class CatalogQueries {
    private static final String MATCHING = """
            with sellable as (
                select a.id, a.operator_organisation_id, a.all_products, a.commission_basis_points, a.distribution_channel_id
                  from agreement a
                 where a.partner_organisation_id = $1
                   and a.status = 'ACTIVE'
                   and ($4::bigint is null or a.operator_organisation_id = $4)
                   and ($5::varchar is null or exists (select 1 from operator o
                                                        where o.organisation_id = a.operator_organisation_id and o.codespace = $5))
                   and a.valid_from <= $2 and (a.valid_to is null or a.valid_to >= $2)
                   and exists (select 1 from agreement_right r where r.agreement_id = a.id and r.right_name = 'SELL')
                   and exists (select 1 from agreement_readiness e where e.agreement_id = a.id and e.environment = $3)),
            coverage as (
                select p.id as product_id, s.id as agreement_id, s.commission_basis_points, s.distribution_channel_id
                  from sellable s
                  join product p on p.operator_organisation_id = s.operator_organisation_id and p.status = 'PUBLISHED'
                 where s.all_products
                union all
                select ap.product_id, s.id, s.commission_basis_points, s.distribution_channel_id
                  from sellable s
                  join agreement_product ap on ap.agreement_id = s.id
                 where not s.all_products),
            covered as (
                select product_id,
                       array_agg(agreement_id order by agreement_id) as agreement_ids,
                       array_agg(commission_basis_points order by agreement_id) as commissions,
                       array_agg(distribution_channel_id order by agreement_id) as agreement_channels
                  from coverage
                 group by product_id)
            select p.id, p.operator_organisation_id, p.codespace, p.name_nb, p.name_en, p.vat_group, p.vat_rate,
                   p.valid_from, p.valid_to, p.version, c.agreement_ids, c.commissions, c.agreement_channels
              from covered c
              join product p on p.id = c.product_id
             where p.status = 'PUBLISHED'
               and p.valid_from <= $2 and (p.valid_to is null or p.valid_to >= $2)
               and ($4::bigint is null or p.operator_organisation_id = $4)
               and ($5::varchar is null or p.codespace = $5)
               and ($6::varchar is null or exists (select 1 from product_price f where f.product_id = p.id and f.user_profile = $6))
               and ($7::varchar is null or p.id ilike $7 or p.name_nb ilike $7 or p.name_en ilike $7)""";

    /** Parameters: $1 partner, $2 today, $3 environment, $4 operator id, $5 codespace, $6 user profile, $7 text pattern, $8 limit, $9 offset. */
    static final String PAGE = """
            with matching as (%s),
            page as (
                select m.*, count(*) over () as total
                  from matching m
                 order by m.id
                 limit $8 offset $9)
            select page.*,
                   array(select pp.user_profile from product_price pp
                          where pp.product_id = page.id and ($6::varchar is null or pp.user_profile = $6)
                          order by pp.position) as price_profiles,
                   array(select pp.amount::text from product_price pp
                          where pp.product_id = page.id and ($6::varchar is null or pp.user_profile = $6)
                          order by pp.position) as price_amounts,
                   array(select ch.channel from product_distribution_channel ch
                          where ch.product_id = page.id order by ch.position) as channels
              from page
             order by page.id""".formatted(MATCHING);

    static final String COUNT = "select count(*) as total from (" + MATCHING + ") m";

    private final Pool pool;

    public CatalogQueries(Pool pool) {
        this.pool = pool;
    }

    /** One page of the catalog and the number of products on all pages. */
    public Uni<CatalogSlice> page(CatalogFilter filter) {
        return pool.preparedQuery(PAGE).execute(filter.pageParameters()).chain(rows -> {
            List<CatalogRow> page = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                page.add(toRow(row));
            }
            if (page.isEmpty() && filter.offset() > 0) {
                // Past the last page the window count has no row to ride on; count on its own.
                return pool.preparedQuery(COUNT).execute(filter.matchParameters())
                        .map(counted -> new CatalogSlice(counted.iterator().next().getLong("total"), List.of()));
            }
            return Uni.createFrom().item(new CatalogSlice(total, page));
        });
    }

    private static CatalogRow toRow(Row row) {
        String[] profiles = row.getArrayOfStrings("price_profiles");
        String[] amounts = row.getArrayOfStrings("price_amounts");
        List<Price> prices = new ArrayList<>(profiles.length);
        for (int i = 0; i < profiles.length; i++) {
            prices.add(new Price(profiles[i], new BigDecimal(amounts[i])));
        }
        String[] agreementIds = row.getArrayOfStrings("agreement_ids");
        Integer[] commissions = row.getArrayOfIntegers("commissions");
        String[] channels = row.getArrayOfStrings("agreement_channels");
        List<CatalogRow.Coverage> coverage = new ArrayList<>(agreementIds.length);
        for (int i = 0; i < agreementIds.length; i++) {
            coverage.add(new CatalogRow.Coverage(agreementIds[i], commissions[i], channels[i]));
        }
        return new CatalogRow(row.getString("id"), row.getLong("operator_organisation_id"), row.getString("codespace"),
                row.getString("name_nb"), row.getString("name_en"), row.getString("vat_group"), row.getString("vat_rate"),
                row.getLocalDate("valid_from"), row.getLocalDate("valid_to"), row.getLong("version"), prices,
                List.of(row.getArrayOfStrings("channels")), coverage);
    }

    /**
     * What the caller may see and what it asked for. {@code text} matches case-insensitively anywhere in the id or
     * either name; LIKE's wildcards in it are taken literally.
     */
    public record CatalogFilter(long partnerOrganisationId, LocalDate today, String environment, Long operatorOrganisationId,
            String codespace, String userProfile, String text, int limit, long offset) {

        Tuple matchParameters() {
            return Tuple.tuple()
                    .addLong(partnerOrganisationId)
                    .addLocalDate(today)
                    .addString(environment)
                    .addValue(operatorOrganisationId)
                    .addValue(codespace)
                    .addValue(userProfile)
                    .addValue(text == null ? null : "%" + escapeLike(text) + "%");
        }

        Tuple pageParameters() {
            return matchParameters().addLong((long) limit).addLong(offset);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    public record CatalogSlice(long total, List<CatalogRow> rows) {
    }

    /** A product the partner may sell, with the agreements that let it. */
    public record CatalogRow(String id, long operatorOrganisationId, String codespace, String nameNb, String nameEn, String vatGroup,
            String vatRate, LocalDate validFrom, LocalDate validTo, long version, List<Price> prices, List<String> distributionChannels,
            List<Coverage> agreements) {

        public record Coverage(String agreementId, int commissionBasisPoints, String distributionChannelId) {
        }
    }
}
