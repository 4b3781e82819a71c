package org.partnerplatform.portal.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.CatalogClient;
import org.partnerplatform.portal.client.CatalogClient.Agreement;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The organisation's agreements, read-only (the platform's admins write them), and its notifications: which
 * agreements have been made ready for use in which environment, the fact catalog-service's ProductsReadyForUse
 * tells the partner's systems on Kafka.
 */
@Path("/agreements")
@RolesAllowed({ Roles.KLIENTADMINISTRATOR, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR, Roles.FINANCE_READER })
public class AgreementsPage {
    @Inject
    Template agreements;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    CatalogClient catalogService;

    /** One "ready for use" notice: an active agreement's products may be sold in this environment. */
    public record Ready(Agreement agreement, String environment) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page() {
        return catalogService.agreements(signedIn.bearer()).map(list -> {
            List<Ready> ready = list.stream().filter(a -> "ACTIVE".equals(a.status()))
                    .flatMap(a -> a.readyEnvironments().stream().map(e -> new Ready(a, e))).toList();
            return language.apply(agreements.data("agreements", list).data("ready", ready).data("me", signedIn.organisationId()));
        });
    }
}
