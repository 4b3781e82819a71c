package org.partnerplatform.portal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnerplatform.portal.client.CatalogClient;
import org.partnerplatform.web.Roles;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * What the organisation may sell in this deployment's environment today: catalog-service's own answer to the
 * partner's API call, page for page, shown as a table of prices with and without VAT, with the data credit.
 */
@Path("/catalog")
@RolesAllowed({ Roles.KLIENTADMINISTRATOR, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR, Roles.FINANCE_READER })
public class CatalogPage {
    static final int PAGE = 50;

    @Inject
    Template catalog;
    @Inject
    SignedIn signedIn;
    @Inject
    PageLanguage language;
    @Inject
    @RestClient
    CatalogClient catalogService;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        return catalogService.catalog(signedIn.bearer(), query, Math.max(page, 0), PAGE).map(found -> language.apply(catalog
                .data("catalog", found).data("q", query == null ? "" : query).data("qParam", OrdersPage.encode(query))
                .data("credited", found.items().stream().anyMatch(p -> p.dataCredit() != null))
                .data("previous", found.page() > 0 ? found.page() - 1 : null)
                .data("next", found.page() + 1 < found.totalPages() ? found.page() + 1 : null)));
    }
}
