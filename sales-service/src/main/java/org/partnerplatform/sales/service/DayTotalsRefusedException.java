package org.partnerplatform.sales.service;

/** Day totals asked for and not given: the day is not over yet (in PRODUCTION), or it lies in the future. */
public class DayTotalsRefusedException extends RuntimeException {
    private final String code;

    public DayTotalsRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
