package org.partnerplatform.settlement.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnerplatform.settlement.service.CloseRefusedException;
import org.partnerplatform.web.Problem;

/** A close that is refused is a conflict with the state of the day, answered as a problem with the reason's code. */
public class SettlementProblems {

    @ServerExceptionMapper
    public Response refused(CloseRefusedException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of(409, e.code(), "Close refused", e.getMessage())).build();
    }
}
