package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerplatform.sales.repository.CatalogProjection.AgreementRow;
import org.partnerplatform.sales.repository.CatalogProjection.ProductRow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the catalog projection for a batch of sales: two statements, whatever the batch's size. */
public final class CatalogReads {
    /** The products with their prices, a row per price. */
    private static final String PRODUCTS = """
            select p.id, p.operator_organisation_id, p.status, p.vat_rate, p.valid_from, p.valid_to, pp.user_profile, pp.amount,
                   p.distribution_channels, p.ticket_validity
              from product_projection p left join product_price_projection pp on pp.product_id = p.id
             where p.id = any($1)""";
    /** The partners' agreements in force that give a right ($5), oldest id first, a row per listed product of the batch (or one, for all products). */
    private static final String AGREEMENTS_IN_FORCE = """
            select a.id, a.partner_organisation_id, a.operator_organisation_id, a.commission_basis_points, a.distribution_channel_id,
                   a.all_products, ap.product_id
              from agreement_projection a
              left join agreement_product_projection ap on not a.all_products and ap.agreement_id = a.id and ap.product_id = any($4)
             where a.partner_organisation_id = any($1)
               and a.status = 'ACTIVE'
               and $5 = any(a.rights)
               and a.valid_from <= $2 and (a.valid_to is null or a.valid_to >= $2)
               and $3 = any(a.ready_environments)
             order by a.id""";

    private CatalogReads() {
    }

    /** What a batch of sales needs: the products and the partners' agreements that give the right to sell them. */
    public static Uni<CatalogSnapshot> snapshot(SqlClient sql, Set<String> productIds, Set<Long> partners, LocalDate today, String environment) {
        return snapshot(sql, productIds, partners, today, environment, "SELL");
    }

    /** The products, and the partners' agreements in force today in this environment that give the right ({@code SELL}, {@code REFUND}). */
    public static Uni<CatalogSnapshot> snapshot(SqlClient sql, Set<String> productIds, Set<Long> partners, LocalDate today, String environment,
            String right) {
        String[] products = productIds.toArray(new String[0]);
        Map<String, ProductRow> productRows = new HashMap<>();
        Map<String, Map<String, BigDecimal>> prices = new HashMap<>();
        return sql.preparedQuery(PRODUCTS).execute(Tuple.of(products))
                .invoke(rows -> rows.forEach(r -> {
                    productRows.computeIfAbsent(r.getString(0), id -> new ProductRow(id, r.getLong(1), r.getString(2), r.getBigDecimal(3),
                            r.getLocalDate(4), r.getLocalDate(5), channels(r.getArrayOfStrings(8)), r.getString(9)));
                    if (r.getString(6) != null) {
                        prices.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(6), r.getBigDecimal(7));
                    }
                }))
                .chain(() -> sql.preparedQuery(AGREEMENTS_IN_FORCE).execute(Tuple.of(partners.toArray(new Long[0]), today, environment, products, right)))
                .map(rows -> new CatalogSnapshot(productRows, prices, agreements(rows)));
    }

    private static Set<String> channels(String[] channels) {
        return channels == null ? null : Set.copyOf(java.util.Arrays.asList(channels));
    }

    private static Map<Long, List<CatalogSnapshot.Agreement>> agreements(Iterable<Row> rows) {
        Map<String, Row> first = new LinkedHashMap<>();
        Map<String, Set<String>> listed = new HashMap<>();
        for (Row r : rows) {
            first.putIfAbsent(r.getString(0), r);
            if (r.getString(6) != null) {
                listed.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(6));
            }
        }
        Map<Long, List<CatalogSnapshot.Agreement>> byPartner = new HashMap<>();
        for (Row r : first.values()) {
            AgreementRow row = new AgreementRow(r.getString(0), r.getLong(2), r.getInteger(3), r.getString(4));
            byPartner.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                    .add(new CatalogSnapshot.Agreement(row, r.getLong(1), r.getBoolean(5), listed.getOrDefault(row.id(), Set.of())));
        }
        return byPartner;
    }
}
