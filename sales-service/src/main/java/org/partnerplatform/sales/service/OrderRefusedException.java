package org.partnerplatform.sales.service;

/** A sale that the rules refuse: the partner gets the code and detail (problem+json over REST, a REJECTED result over Kafka). */
public class OrderRefusedException extends RuntimeException {
    private final String code;
    private final int httpStatus;

    public OrderRefusedException(int httpStatus, String code, String detail) {
        super(detail);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
