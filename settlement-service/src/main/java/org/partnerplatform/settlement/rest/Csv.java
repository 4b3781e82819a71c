package org.partnerplatform.settlement.rest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.partnerplatform.events.Amounts;

/**
 * The CSV dialect of settlement's downloads, chosen so that a spreadsheet with Norwegian settings opens them as they
 * are: UTF-8 with a byte-order mark (so that æøå survive), semicolon as separator (the comma is the decimal mark),
 * decimal comma and no thousands separator in amounts, dates as yyyy-MM-dd, CRLF line ends, a header row, and a field
 * quoted with double quotes when it holds a separator, a quote or a line break (RFC 4180's rules otherwise).
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String BOM = "\uFEFF";
    static final char SEPARATOR = ';';

    private final StringBuilder out = new StringBuilder(BOM);

    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An amount with a decimal comma: 1234.50 becomes 1234,50. */
    public static String amount(BigDecimal amount) {
        return Amounts.format(amount).replace('.', ',');
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal amount ? amount(amount) : value.toString();
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
