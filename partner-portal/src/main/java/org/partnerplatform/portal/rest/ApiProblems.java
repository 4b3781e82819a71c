package org.partnerplatform.portal.rest;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;

/** What an API refused, for the page to say: the problem's detail (RFC 9457), else its status. */
final class ApiProblems {
    private ApiProblems() {
    }

    /**
     * A refusal the page should say in words: an API's 4xx answer to what the person asked. An expired token (401)
     * and the APIs' own failures (5xx) are not the person's doing and go on as errors.
     */
    static boolean refusal(Throwable failure) {
        if (!(failure instanceof WebApplicationException e)) {
            return false;
        }
        int status = e.getResponse().getStatus();
        return status >= 400 && status < 500 && status != 401;
    }

    static String detail(WebApplicationException e) {
        try {
            String detail = e.getResponse().readEntity(JsonNode.class).path("detail").asText(null);
            return detail != null ? detail : "The request was refused (" + e.getResponse().getStatus() + ").";
        } catch (RuntimeException unreadable) {
            return "The request was refused (" + e.getResponse().getStatus() + ").";
        }
    }
}
