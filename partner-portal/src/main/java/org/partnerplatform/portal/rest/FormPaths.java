package org.partnerplatform.portal.rest;

import java.net.URI;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A browser that opens a form's URL (it takes only POST) is sent to the page the form is on. That happens after
 * the session ended under a posted form: signing in again brings the person back to where they were, with a GET;
 * and the language switch returns to the URL of the page it is on, which may be a form's answer.
 */
public class FormPaths {

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return e.getResponse();
        }
        String partner = request.getUriInfo().getQueryParameters().getFirst("partner");
        String page = pageOf(request.getUriInfo().getPath());
        // The admins' agreement forms name their partner, whose page they are on.
        return Response.seeOther(URI.create(partner != null && partner.matches("[0-9]{1,18}") ? page + "?partner=" + partner : page)).build();
    }

    /**
     * The page of a form's path: its section, /admin/… counting two segments (/clients/x/rotate: /clients), and an
     * order's own page for its refunds (/orders/x/refunds: /orders/x).
     */
    static String pageOf(String path) {
        String[] segments = path.replaceFirst("^/+", "").split("/");
        if (segments.length > 1 && segments[0].equals("admin")) {
            return "/admin/" + segments[1];
        }
        // Only an id of the platform's shape goes into the page's URL (the path here is decoded).
        if (segments.length > 2 && segments[0].equals("orders") && segments[1].matches("[A-Za-z0-9_-]{1,64}")) {
            return "/orders/" + segments[1];
        }
        return segments[0].isEmpty() ? "/" : "/" + segments[0];
    }
}
