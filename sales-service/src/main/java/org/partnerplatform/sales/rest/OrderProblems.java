package org.partnerplatform.sales.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnerplatform.sales.service.DayTotalsRefusedException;
import org.partnerplatform.sales.service.OrderRefusedException;
import org.partnerplatform.web.Problem;

/** A request the order (or day totals) rules refuse is answered as a problem with the rule's status and code. */
public class OrderProblems {
    static final String TITLE = "Order request refused";

    @ServerExceptionMapper
    public Response refused(OrderRefusedException e) {
        return Response.status(e.httpStatus()).type(Problem.MEDIA_TYPE).entity(Problem.of(e.httpStatus(), e.code(), TITLE, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response refused(DayTotalsRefusedException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of(409, e.code(), "Day totals refused", e.getMessage())).build();
    }
}
