package org.partnerplatform.portal.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.CatalogClient.Agreement;
import org.partnerplatform.portal.client.PlatformAdminClient.Agreements;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The platform admins' agreements of one partner: the list, a form for a new one (a DRAFT), and per agreement its
 * lifecycle (activate, suspend, resume, terminate) and its readiness per environment. catalog-service decides
 * which changes are allowed and publishes them.
 */
@Path("/admin/agreements")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminAgreementsPage {
    static final List<String> TRANSITIONS = List.of("activate", "suspend", "resume", "terminate");
    static final List<String> ENVIRONMENTS = List.of("DEVELOPMENT", "STAGING", "PRODUCTION");

    @Inject
    Template adminAgreements;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    Agreements agreements;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@QueryParam("partner") Long partner) {
        return page(partner, null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> create(MultivaluedMap<String, String> form) {
        long partner = number(form.getFirst("partnerOrganisationId"));
        String products = form.getFirst("productIds") == null ? "" : form.getFirst("productIds");
        List<String> productIds = Arrays.stream(products.split("[,\\s]+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        LocalDate validFrom;
        try {
            validFrom = LocalDate.parse(form.getFirst("validFrom") == null ? "" : form.getFirst("validFrom").strip());
        } catch (DateTimeParseException e) {
            return page(partner, "validFrom must be a date (YYYY-MM-DD).", 422);
        }
        var agreement = new Agreements.NewAgreement(partner, number(form.getFirst("operatorOrganisationId")), productIds.isEmpty(), productIds,
                form.getOrDefault("rights", List.of()), form.getFirst("distributionChannelId"), (int) number(form.getFirst("commissionBasisPoints")),
                validFrom);
        return done(partner, agreements.create(signedIn.bearer(), agreement));
    }

    @POST
    @Path("/{id}/{transition}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> transition(@PathParam("id") String id, @PathParam("transition") String transition, @QueryParam("partner") long partner) {
        if (!TRANSITIONS.contains(transition)) {
            throw new NotFoundException();
        }
        return done(partner, agreements.transition(signedIn.bearer(), id, transition));
    }

    @POST
    @Path("/{id}/readiness/{environment}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> readiness(@PathParam("id") String id, @PathParam("environment") String environment, @QueryParam("partner") long partner,
            MultivaluedMap<String, String> form) {
        if (!ENVIRONMENTS.contains(environment)) {
            throw new NotFoundException();
        }
        Uni<Agreement> change = "withdraw".equals(form.getFirst("action")) ? agreements.withdrawReadiness(signedIn.bearer(), id, environment)
                : agreements.makeReady(signedIn.bearer(), id, environment);
        return done(partner, change);
    }

    private Uni<Response> done(long partner, Uni<Agreement> change) {
        return change.map(changed -> Response.seeOther(URI.create("/admin/agreements?partner=" + partner)).build())
                .onFailure(ApiProblems::refusal).recoverWithUni(e -> page(partner, ApiProblems.detail((WebApplicationException) e), 422));
    }

    private Uni<Response> page(Long partner, String message, int status) {
        Uni<List<Agreement>> listed = partner == null || partner <= 0 ? Uni.createFrom().item(List.of())
                : agreements.ofPartner(signedIn.bearer(), partner);
        return listed.map(list -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(language.apply(adminAgreements.data("agreements", list).data("partner", partner).data("environments", ENVIRONMENTS).data("transitions", TRANSITIONS)
                        .data("message", message).data("today", LocalDate.now())).render())
                .build());
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
