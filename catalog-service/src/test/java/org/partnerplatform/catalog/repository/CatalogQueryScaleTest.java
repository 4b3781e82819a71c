package org.partnerplatform.catalog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.EmbeddedPostgresServer;
import org.partnerplatform.testsupport.SharedInfrastructure;

/**
 * The catalog query on a catalog of the size phase 2 benchmarks (10,000 products of 60 operators, 1,000 partners
 * with 50 agreements each, half of them listing 20 products), with every reason to hide a product mixed in
 * (suspended partners and operators included). It must
 * give exactly what a plain, slow statement of the rules gives, and start from the partner's agreements through
 * their index rather than scanning agreements. Plain JDBC on a database of its own: no Quarkus start.
 */
class CatalogQueryScaleTest {
    private static final String DATABASE = "catalog_scale";
    private static final String SEED = """
            insert into operator (organisation_id, codespace, bound_by, updated_at)
            select o, chr(65 + o / 676 % 26) || chr(65 + o / 26 % 26) || chr(65 + o % 26), 'FIRST_PRODUCT', now()
              from generate_series(1, 60) o;
            -- Every tenth product a draft, every thirteenth withdrawn, every seventeenth expired, every nineteenth not yet valid.
            insert into product (id, operator_organisation_id, codespace, name_nb, name_en, status, vat_group, vat_rate,
                                 valid_from, valid_to, version, created_at, updated_at, updated_by)
            select op.codespace || ':SalesPackage:P' || n, op.organisation_id, op.codespace, 'Produkt ' || n, 'Product ' || n,
                   case when n % 10 = 0 then 'DRAFT' when n % 13 = 0 then 'WITHDRAWN' else 'PUBLISHED' end,
                   'TRANSPORT_AND_TICKETS_VAT', '12',
                   case when n % 19 = 0 then current_date + 3 else current_date - 100 end,
                   case when n % 17 = 0 and n % 19 <> 0 then current_date - 3 else null end,
                   0, now(), now(), 'seed'
              from generate_series(1, 10000) n join operator op on op.organisation_id = 1 + n % 60;
            insert into product_price (product_id, position, user_profile, amount)
            select p.id, g, (array['ADULT', 'CHILD', 'SENIOR'])[g + 1], 100 + g from product p, generate_series(0, 2) g
             where g < 2 or p.id like '%1';
            insert into product_distribution_channel (product_id, position, channel)
            select p.id, g, (array['WEB', 'APP'])[g + 1] from product p, generate_series(0, 1) g;
            -- Each partner has 50 agreements with 50 different operators; some suspended, drafts, terminated, expired or future.
            insert into agreement (id, partner_organisation_id, operator_organisation_id, status, all_products, distribution_channel_id,
                                   commission_basis_points, valid_from, valid_to, version, created_at, updated_at)
            select 'agr-' || partner || '-' || k, partner, 1 + (partner + k) % 60,
                   case when k % 7 = 0 then 'SUSPENDED' when k % 11 = 0 then 'DRAFT' when k % 23 = 0 then 'TERMINATED' else 'ACTIVE' end,
                   k % 2 = 0, 'WEB', 10 * k,
                   case when k % 9 = 0 then current_date + 5 else current_date - 200 end,
                   case when k % 8 = 0 then current_date - 1 else null end,
                   0, now(), now()
              from generate_series(10001, 11000) partner, generate_series(1, 50) k;
            insert into agreement_product (agreement_id, product_id)
            select a.id, p.id from agreement a
              join lateral (select id from product p where p.operator_organisation_id = a.operator_organisation_id
                             order by md5(p.id || a.id) limit 20) p on true
             where not a.all_products;
            insert into agreement_right (agreement_id, right_name) select id, 'SELL' from agreement where id not like '%-5';
            insert into agreement_right (agreement_id, right_name) select id, 'REFUND' from agreement;
            insert into agreement_readiness (agreement_id, environment) select id, 'STAGING' from agreement where id not like '%3';
            insert into agreement_readiness (agreement_id, environment) select id, 'PRODUCTION' from agreement where partner_organisation_id % 2 = 0;
            -- Four of the partners that the test samples are suspended, and so are two operators.
            insert into party (organisation_id, type, status, updated_at)
            select partner, 'PARTNER', case when (partner - 10001) % 333 = 0 then 'SUSPENDED' else 'ACTIVE' end, now()
              from generate_series(10001, 11000) partner;
            insert into party (organisation_id, type, codespace, status, updated_at)
            select organisation_id, 'OPERATOR', codespace, case when organisation_id in (5, 17) then 'SUSPENDED' else 'ACTIVE' end, now()
              from operator;
            analyze;
            """;
    /** The rules as written in the brief, one product at a time: slow, obviously right. */
    private static final String ORACLE = """
            select p.id from product p
             where p.status = 'PUBLISHED' and p.valid_from <= current_date and (p.valid_to is null or p.valid_to >= current_date)
               and exists (select 1 from agreement a
                            where a.partner_organisation_id = %1$d and a.status = 'ACTIVE'
                              and a.valid_from <= current_date and (a.valid_to is null or a.valid_to >= current_date)
                              and a.operator_organisation_id = p.operator_organisation_id
                              and (a.all_products or exists (select 1 from agreement_product ap where ap.agreement_id = a.id and ap.product_id = p.id))
                              and exists (select 1 from agreement_right r where r.agreement_id = a.id and r.right_name = 'SELL')
                              and exists (select 1 from agreement_readiness e where e.agreement_id = a.id and e.environment = 'STAGING'))
               and not exists (select 1 from party x where x.organisation_id = %1$d and x.status = 'SUSPENDED')
               and not exists (select 1 from party x where x.organisation_id = p.operator_organisation_id and x.status = 'SUSPENDED')
             order by p.id""";

    /** The service's own migrations, all of them in version order (the catalog query reads columns of several). */
    private static List<String> migrations() throws Exception {
        java.nio.file.Path directory = java.nio.file.Path.of(CatalogQueryScaleTest.class.getClassLoader().getResource("db/migration").toURI());
        try (var files = java.nio.file.Files.list(directory)) {
            // V<date>_<n>__name.sql: the version's parts compared as numbers, as Flyway does.
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("V") && n.endsWith(".sql"))
                    .sorted(java.util.Comparator.comparing(n -> java.util.Arrays.stream(n.substring(1, n.indexOf("__")).split("_"))
                            .map(Long::parseLong).toList(), (a, b) -> {
                                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                                    int c = Long.compare(a.get(i), b.get(i));
                                    if (c != 0) {
                                        return c;
                                    }
                                }
                                return Integer.compare(a.size(), b.size());
                            }))
                    .toList();
        }
    }

    private static Connection connection;

    @BeforeAll
    static void seed() throws Exception {
        EmbeddedPostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), DATABASE, DATABASE);
        try (Statement s = connection.createStatement()) {
            for (String migration : migrations()) {
                s.execute(resource("db/migration/" + migration));
            }
            s.execute(SEED);
            s.execute("prepare catalog_page(bigint, date, varchar, bigint, varchar, varchar, varchar, bigint, bigint) as " + CatalogQueries.PAGE);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void theCatalogOfEveryKindOfPartnerIsExactlyWhatTheRulesSay() throws SQLException {
        int nonEmpty = 0;
        for (long partner = 10001; partner <= 11000; partner += 37) {
            List<String> expected = strings(ORACLE.formatted(partner));
            List<String> actual = strings("execute catalog_page(" + partner + ", current_date, 'STAGING', null, null, null, null, 10000, 0)", "id");
            assertThat(actual).as("partner " + partner).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("partners with a catalog").isGreaterThan(20);
    }

    @Test
    void filtersAndPagesAgreeWithTheFullCatalog() throws SQLException {
        long partner = 10500;
        List<String> all = strings(ORACLE.formatted(partner));
        assertThat(all).hasSizeGreaterThan(1000);
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 200) {
            pages.addAll(strings("execute catalog_page(" + partner + ", current_date, 'STAGING', null, null, null, null, 200, " + offset + ")", "id"));
        }
        assertThat(pages).isEqualTo(all);

        String codespace = all.get(0).substring(0, 3);
        assertThat(strings("execute catalog_page(" + partner + ", current_date, 'STAGING', null, '" + codespace + "', null, null, 10000, 0)", "id"))
                .isEqualTo(all.stream().filter(id -> id.startsWith(codespace + ":")).toList());
        assertThat(strings("execute catalog_page(" + partner + ", current_date, 'STAGING', null, null, 'SENIOR', null, 10000, 0)", "id"))
                .isEqualTo(all.stream().filter(id -> id.endsWith("1")).toList());
        assertThat(strings("execute catalog_page(" + partner + ", current_date, 'STAGING', null, null, null, '%product 12%', 10000, 0)", "id"))
                .isEqualTo(all.stream().filter(id -> id.contains(":P12")).toList());
    }

    @Test
    void thePlanStartsFromThePartnersAgreementsAndStaysFast() throws SQLException {
        String call = "execute catalog_page(10500, current_date, 'STAGING', null, null, null, null, 50, 0)";
        for (int warm = 0; warm < 5; warm++) {
            strings(call, "id");
        }
        String plan = String.join("\n", strings("explain (analyze) " + call, 1));
        assertThat(plan).contains("agreement_by_partner").doesNotContain("Seq Scan on agreement ");
        double millis = Double.parseDouble(plan.replaceAll("(?s).*Execution Time: ([0-9.]+) ms.*", "$1"));
        // About 20 ms on a two-core machine; the bound only catches a plan that has gone badly wrong.
        assertThat(millis).as(plan).isLessThan(1000);
    }

    private static List<String> strings(String sql, Object column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(column instanceof Integer index ? rs.getString(index) : rs.getString((String) column));
            }
        }
        return values;
    }

    private static List<String> strings(String sql) throws SQLException {
        return strings(sql, 1);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CatalogQueryScaleTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
