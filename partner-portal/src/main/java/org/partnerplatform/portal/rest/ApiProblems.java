package org.partnerplatform.portal.rest;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;

/** What an API refused, for the page to say: the problem's detail (RFC 9457), else its status. */
final class ApiProblems {
    private ApiProblems() {
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
