package org.partnerplatform.settlement.service;

/** A close that was asked for and is not done: the day is not due (and early closes are off), or nothing is left to close. */
public class CloseRefusedException extends RuntimeException {
    private final String code;

    public CloseRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
