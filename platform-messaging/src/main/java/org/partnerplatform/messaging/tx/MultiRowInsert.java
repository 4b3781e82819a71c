package org.partnerplatform.messaging.tx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

/**
 * An insert of many rows with one statement: each column's values travel as one typed array and PostgreSQL unnests
 * them, in the order they were added ({@code insert into t (a, b) select a, b from unnest($1::uuid[], $2::text[])
 * with ordinality ... order by ordinality}), which is far cheaper for it than a statement per row. Column types are
 * PostgreSQL's: uuid, text, bigint, integer, numeric, boolean, date, timestamptz.
 */
public final class MultiRowInsert {
    private final String table;
    private final List<String> names;
    private final List<String> types;

    private final String suffix;

    private MultiRowInsert(String table, List<String> names, List<String> types, String suffix) {
        this.table = table;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.suffix = suffix;
    }

    /** The statement with its parameters numbered from {@code first}, to stand beside others in one statement. */
    String sql(int first) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < names.size(); i++) {
            columns.add(names.get(i));
            arrays.add("$" + (first + i) + "::" + types.get(i) + "[]");
            aliases.add("c" + i);
        }
        return "insert into " + table + " (" + columns + ") select " + aliases + " from unnest(" + arrays + ") with ordinality as u("
                + aliases + ", ord) order by ord" + suffix;
    }

    public static Builder into(String table) {
        return new Builder(table);
    }

    public String table() {
        return table;
    }

    public int columns() {
        return names.size();
    }

    /** Adds the statement's parameters: one typed array per column, from rows of values in column order. */
    Tuple addParameters(Tuple tuple, List<Object[]> rows) {
        for (int c = 0; c < names.size(); c++) {
            tuple.addValue(column(types.get(c), rows, c));
        }
        return tuple;
    }

    private static Object column(String type, List<Object[]> rows, int c) {
        int n = rows.size();
        switch (type) {
            case "uuid" -> {
                UUID[] values = new UUID[n];
                for (int r = 0; r < n; r++) {
                    values[r] = (UUID) rows.get(r)[c];
                }
                return values;
            }
            case "bigint" -> {
                Long[] values = new Long[n];
                for (int r = 0; r < n; r++) {
                    values[r] = rows.get(r)[c] == null ? null : ((Number) rows.get(r)[c]).longValue();
                }
                return values;
            }
            case "integer" -> {
                Integer[] values = new Integer[n];
                for (int r = 0; r < n; r++) {
                    values[r] = rows.get(r)[c] == null ? null : ((Number) rows.get(r)[c]).intValue();
                }
                return values;
            }
            case "numeric" -> {
                Numeric[] values = new Numeric[n];
                for (int r = 0; r < n; r++) {
                    values[r] = rows.get(r)[c] == null ? null : Numeric.create((BigDecimal) rows.get(r)[c]);
                }
                return values;
            }
            case "boolean" -> {
                Boolean[] values = new Boolean[n];
                for (int r = 0; r < n; r++) {
                    values[r] = (Boolean) rows.get(r)[c];
                }
                return values;
            }
            case "date" -> {
                LocalDate[] values = new LocalDate[n];
                for (int r = 0; r < n; r++) {
                    values[r] = (LocalDate) rows.get(r)[c];
                }
                return values;
            }
            case "timestamptz" -> {
                OffsetDateTime[] values = new OffsetDateTime[n];
                for (int r = 0; r < n; r++) {
                    values[r] = (OffsetDateTime) rows.get(r)[c];
                }
                return values;
            }
            default -> {
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    values[r] = rows.get(r)[c] == null ? null : rows.get(r)[c].toString();
                }
                return values;
            }
        }
    }

    public static final class Builder {
        private final String table;
        private final List<String> names = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private String suffix = "";

        private Builder(String table) {
            this.table = table;
        }

        public Builder column(String name, String type) {
            if (!List.of("uuid", "text", "bigint", "integer", "numeric", "boolean", "date", "timestamptz").contains(type)) {
                throw new IllegalArgumentException("unsupported column type " + type);
            }
            names.add(name);
            types.add(type);
            return this;
        }

        /** Rows that would break a unique constraint are skipped rather than failing the statement. */
        public Builder onConflictDoNothing() {
            suffix = " on conflict do nothing";
            return this;
        }

        public MultiRowInsert build() {
            return new MultiRowInsert(table, names, types, suffix);
        }
    }
}
