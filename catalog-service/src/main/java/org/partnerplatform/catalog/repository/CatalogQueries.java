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
 * (ACTIVE, valid today, with the SELL right, ready in this environment, of the operator asked for, neither party
 * suspended: about 50 per partner, found through agreement_by_partner), expands them to the products they cover
 * (all of the operator's products, or the listed ones), keeping those PUBLISHED and valid today through the
 * product_catalog index alone (it carries the validity dates), so its cost follows the partner's agreements, not
 * the size of the catalog. Only then does it sort and count the distinct product ids, and it reads products in full,
 * with their prices, channels and covering agreements, for the page's rows only. A product's operator and codespace
 * are its covering agreement's operator's, so the operator filter is applied to the agreements.
 * CatalogQueryScaleTest checks it against a plain statement of the rules on a catalog of benchmark size.
 */
@ApplicationScoped
public class CatalogQueries {
    /** Parameters: $1 partner, $2 today, $3 environment, $4 operator id, $5 codespace, $6 user profile, $7 text pattern. */
    private static final String MATCHING = """
            sellable as materialized (
                select a.id, a.operator_organisation_id, a.all_products, a.commission_basis_points, a.distribution_channel_id
                  from agreement a
                 where a.partner_organisation_id = $1
                   and a.status = 'ACTIVE'
                   and ($4::bigint is null or a.operator_organisation_id = $4)
                   and ($5::varchar is null or exists (select 1 from operator o
                                                        where o.organisation_id = a.operator_organisation_id and o.codespace = $5))
                   and a.valid_from <= $2 and (a.valid_to is null or a.valid_to >= $2)
                   and exists (select 1 from agreement_right r where r.agreement_id = a.id and r.right_name = 'SELL')
                   and exists (select 1 from agreement_readiness e where e.agreement_id = a.id and e.environment = $3)
                   -- A suspended partner sells nothing, and a suspended operator's products are sold by no one.
                   and not exists (select 1 from party x where x.organisation_id in (a.partner_organisation_id, a.operator_organisation_id)
                                                         and x.status = 'SUSPENDED')),
            coverage as materialized (
                select p.id as product_id, s.id as agreement_id, s.commission_basis_points, s.distribution_channel_id
                  from sellable s
                  join product p on p.operator_organisation_id = s.operator_organisation_id and p.status = 'PUBLISHED'
                 where s.all_products
                   and p.valid_from <= $2 and (p.valid_to is null or p.valid_to >= $2)
                union all
                select p.id, s.id, s.commission_basis_points, s.distribution_channel_id
                  from sellable s
                  join agreement_product ap on ap.agreement_id = s.id
                  join product p on p.operator_organisation_id = s.operator_organisation_id and p.status = 'PUBLISHED' and p.id = ap.product_id
                 where not s.all_products
                   and p.valid_from <= $2 and (p.valid_to is null or p.valid_to >= $2)),
            matching as (
                select distinct c.product_id as id
                  from coverage c
                 where ($6::varchar is null or exists (select 1 from product_price f where f.product_id = c.product_id and f.user_profile = $6))
                   and ($7::varchar is null or exists (select 1 from product x where x.id = c.product_id
                                                             and (x.id ilike $7 or x.name_nb ilike $7 or x.name_en ilike $7))))""";

    /** Parameters as {@link #MATCHING}, then $8 limit, $9 offset. */
    static final String PAGE = """
            with %s,
            page as (
                select m.id, count(*) over () as total
                  from matching m
                 order by m.id
                 limit $8 offset $9),
            page_coverage as (
                select c.product_id,
                       array_agg(c.agreement_id order by c.agreement_id) as agreement_ids,
                       array_agg(c.commission_basis_points order by c.agreement_id) as commissions,
                       array_agg(c.distribution_channel_id order by c.agreement_id) as agreement_channels
                  from coverage c
                  join page on page.id = c.product_id
                 group by c.product_id)
            select p.id, p.operator_organisation_id, p.codespace, p.name_nb, p.name_en, p.vat_group, p.vat_rate,
                   p.valid_from, p.valid_to, p.ticket_validity, p.version, p.data_source, page.total,
                   pc.agreement_ids, pc.commissions, pc.agreement_channels,
                   array(select pp.user_profile from product_price pp
                          where pp.product_id = p.id and ($6::varchar is null or pp.user_profile = $6)
                          order by pp.position) as price_profiles,
                   array(select pp.amount::text from product_price pp
                          where pp.product_id = p.id and ($6::varchar is null or pp.user_profile = $6)
                          order by pp.position) as price_amounts,
                   array(select ch.channel from product_distribution_channel ch
                          where ch.product_id = p.id order by ch.position) as channels
              from page
              join product p on p.id = page.id
              join page_coverage pc on pc.product_id = page.id
             order by p.id""".formatted(MATCHING);

    static final String COUNT = "with " + MATCHING + " select count(*) as total from matching";

    private final Pool pool;

    public CatalogQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * The operators an organisation has agreements with, in any status: the operators whose changes can alter its
     * catalog (a change to its agreements can alter the list itself, and retires its catalog on its own).
     */
    public Uni<List<Long>> operatorsOfAgreementsOf(long partnerOrganisationId) {
        return pool.preparedQuery("select distinct operator_organisation_id from agreement where partner_organisation_id = $1")
                .execute(Tuple.of(partnerOrganisationId))
                .map(rows -> {
                    List<Long> operators = new ArrayList<>();
                    rows.forEach(row -> operators.add(row.getLong(0)));
                    return operators;
                });
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
                row.getLocalDate("valid_from"), row.getLocalDate("valid_to"), row.getString("ticket_validity"), row.getLong("version"), prices,
                List.of(row.getArrayOfStrings("channels")), coverage, DataSource.valueOf(row.getString("data_source")));
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
            String vatRate, LocalDate validFrom, LocalDate validTo, String ticketValidity, long version, List<Price> prices, List<String> distributionChannels,
            List<Coverage> agreements, DataSource dataSource) {

        public record Coverage(String agreementId, int commissionBasisPoints, String distributionChannelId) {
        }
    }
}
