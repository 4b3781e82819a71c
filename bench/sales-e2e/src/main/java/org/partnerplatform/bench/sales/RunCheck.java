package org.partnerplatform.bench.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

/**
 * Proves a run correct, from what the partner saw and from the two services' databases (read only): every request
 * has exactly one result, confirmed at the price its products cost; every order is in sales-service's database
 * once, in the ledger once and on settlement.events once; and the ledger's and the events' totals equal the sum of
 * the orders' totals to the øre. Any difference is a failure, listed.
 */
final class RunCheck {
    record Verdict(int confirmed, BigDecimal gross, BigDecimal vat, List<String> failures) {
        boolean correct() {
            return failures.isEmpty();
        }
    }

    private RunCheck() {
    }

    static Verdict check(LoadRun run, Properties fixture) throws SQLException {
        Observations seen = run.observations;
        List<String> failures = new ArrayList<>();
        int sent = run.sent();
        int missing = 0, duplicated = 0, wrongPrice = 0, unsettled = 0, settledTwice = 0;
        BigDecimal gross = BigDecimal.ZERO, vat = BigDecimal.ZERO;
        List<String> orders = new ArrayList<>();
        for (int seq = 0; seq < sent; seq++) {
            int answers = seen.results.get(seq);
            missing += answers == 0 ? 1 : 0;
            duplicated += answers > 1 ? 1 : 0;
            if (seen.orderId[seq] == null) {
                continue;
            }
            orders.add(seen.orderId[seq]);
            gross = gross.add(seen.total[seq]);
            vat = vat.add(seen.tax[seq]);
            wrongPrice += seen.total[seq].compareTo(run.expectedTotal[seq]) != 0 ? 1 : 0;
            unsettled += seen.settlements.get(seq) == 0 ? 1 : 0;
            settledTwice += seen.settlements.get(seq) > 1 ? 1 : 0;
        }
        int confirmed = orders.size();
        fail(failures, run.sendFailures() > 0, run.sendFailures() + " requests could not be sent");
        fail(failures, missing > 0, missing + " of " + sent + " requests have no result");
        fail(failures, duplicated > 0, duplicated + " requests have more than one result");
        fail(failures, confirmed + missing < sent, (sent - missing - confirmed) + " requests were rejected, e.g. " + seen.rejections);
        fail(failures, wrongPrice > 0, wrongPrice + " orders are not priced as their products cost");
        fail(failures, new HashSet<>(orders).size() != confirmed, "two requests share an order");
        fail(failures, unsettled > 0, unsettled + " orders have no settlement event");
        fail(failures, settledTwice > 0, settledTwice + " orders have more than one settlement event");
        fail(failures, seen.entryIds.size() != confirmed, seen.entryIds.size() + " distinct settlement entries for " + confirmed + " orders");
        fail(failures, seen.settledGross.compareTo(gross) != 0, "settlement events' gross " + seen.settledGross + " ≠ orders' total " + gross);
        fail(failures, seen.settledVat.compareTo(vat) != 0, "settlement events' VAT " + seen.settledVat + " ≠ orders' VAT " + vat);

        try (Connection sales = connect(fixture, "sales");
                PreparedStatement q = sales.prepareStatement("select count(*), coalesce(sum(total_amount), 0), coalesce(sum(total_tax_amount), 0) "
                        + "from sales_order where external_reference = ?")) {
            q.setString(1, run.settings.name());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                fail(failures, r.getInt(1) != confirmed, "sales-service holds " + r.getInt(1) + " orders of the run, not " + confirmed);
                fail(failures, r.getBigDecimal(2).compareTo(gross) != 0, "sales-service's order total " + r.getBigDecimal(2) + " ≠ " + gross);
                fail(failures, r.getBigDecimal(3).compareTo(vat) != 0, "sales-service's VAT total " + r.getBigDecimal(3) + " ≠ " + vat);
            }
        }
        try (Connection settlement = connect(fixture, "settlement");
                PreparedStatement q = settlement.prepareStatement("select count(*), coalesce(sum(gross_amount), 0), coalesce(sum(vat_amount), 0), "
                        + "coalesce(sum(commission_amount), 0), coalesce(sum(net_to_operator_amount), 0) from ledger_entry where order_id = any(?)")) {
            q.setArray(1, settlement.createArrayOf("varchar", orders.toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                fail(failures, r.getInt(1) != confirmed, "the ledger holds " + r.getInt(1) + " entries for the run's " + confirmed + " orders");
                fail(failures, r.getBigDecimal(2).compareTo(gross) != 0, "the ledger's gross " + r.getBigDecimal(2) + " ≠ orders' total " + gross);
                fail(failures, r.getBigDecimal(3).compareTo(vat) != 0, "the ledger's VAT " + r.getBigDecimal(3) + " ≠ orders' VAT " + vat);
                fail(failures, r.getBigDecimal(4).compareTo(seen.settledCommission) != 0,
                        "the ledger's commission " + r.getBigDecimal(4) + " ≠ the events' " + seen.settledCommission);
                fail(failures, r.getBigDecimal(5).compareTo(gross.subtract(r.getBigDecimal(4))) != 0, "the ledger's net ≠ gross − commission");
                fail(failures, r.getBigDecimal(5).compareTo(seen.settledNet) != 0, "the ledger's net " + r.getBigDecimal(5) + " ≠ the events' " + seen.settledNet);
            }
        }
        return new Verdict(confirmed, gross, vat, failures);
    }

    /**
     * The REST path: every 201 is an order of the run (and at most one more per connection, in flight when wrk
     * stopped), and every order of the run reaches the ledger once, to the øre.
     */
    static Verdict checkRest(String run, long created, long other, int connections, Properties fixture, java.time.Duration timeout)
            throws SQLException, InterruptedException {
        List<String> failures = new ArrayList<>();
        fail(failures, other > 0, other + " requests were not answered 201 Created");
        List<String> orders = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO, vat = BigDecimal.ZERO;
        try (Connection sales = connect(fixture, "sales");
                PreparedStatement q = sales.prepareStatement("select id, total_amount, total_tax_amount from sales_order where external_reference = ?")) {
            q.setString(1, run);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    orders.add(r.getString(1));
                    gross = gross.add(r.getBigDecimal(2));
                    vat = vat.add(r.getBigDecimal(3));
                }
            }
        }
        // wrk stops at its deadline with a request in flight on each connection: those sales may be made, unanswered.
        fail(failures, orders.size() < created || orders.size() > created + connections, "sales-service holds " + orders.size()
                + " orders of the run for " + created + " answers 201 and at most " + connections + " requests in flight at the end");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection settlement = connect(fixture, "settlement");
                PreparedStatement q = settlement.prepareStatement("select count(*), coalesce(sum(gross_amount), 0), coalesce(sum(vat_amount), 0), "
                        + "coalesce(sum(commission_amount), 0), coalesce(sum(net_to_operator_amount), 0) from ledger_entry where order_id = any(?)")) {
            q.setArray(1, settlement.createArrayOf("varchar", orders.toArray()));
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= orders.size() || System.nanoTime() > deadline) {
                        fail(failures, r.getInt(1) != orders.size(), "the ledger holds " + r.getInt(1) + " entries for the run's " + orders.size() + " orders");
                        fail(failures, r.getBigDecimal(2).compareTo(gross) != 0, "the ledger's gross " + r.getBigDecimal(2) + " ≠ orders' total " + gross);
                        fail(failures, r.getBigDecimal(3).compareTo(vat) != 0, "the ledger's VAT " + r.getBigDecimal(3) + " ≠ orders' VAT " + vat);
                        fail(failures, r.getBigDecimal(5).compareTo(gross.subtract(r.getBigDecimal(4))) != 0, "the ledger's net ≠ gross − commission");
                        break;
                    }
                }
                Thread.sleep(500);
            }
        }
        return new Verdict(orders.size(), gross, vat, failures);
    }

    private static Connection connect(Properties fixture, String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", database);
        credentials.setProperty("password", database);
        return DriverManager.getConnection(fixture.getProperty(database + ".jdbc"), credentials);
    }

    private static void fail(List<String> failures, boolean failed, String message) {
        if (failed) {
            failures.add(message);
        }
    }
}
