package org.partnerplatform.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.service.AgreementService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * An organisation reads, and only reads, the agreements it is a party to: as the partner that sells, or as the
 * operator whose products are sold. Another organisation's agreement answers 404, as if it did not exist.
 */
@Path("/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PARTNER, Roles.KLIENTADMINISTRATOR, Roles.SALES_READER, Roles.SALES_ADMINISTRATOR, Roles.FINANCE_READER, Roles.FINANCE,
        Roles.PLATFORM_ADMIN })
@SecurityRequirement(name = "bearer")
@Tag(name = "Agreements")
public class AgreementResource {
    private final AgreementService agreements;
    private final Caller caller;

    public AgreementResource(AgreementService agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The agreements the caller's organisation is a party to, oldest first")
    public Uni<List<AgreementView>> list() {
        return agreements.ofParty(caller.organisationId()).map(list -> list.stream().map(AgreementView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agreement of the caller's organisation")
    public Uni<AgreementView> get(@PathParam("id") String id) {
        long organisationId = caller.organisationId();
        return agreements.get(id).map(agreement -> {
            if (!agreement.hasParty(organisationId)) {
                throw ProblemException.notFound("agreement " + id);
            }
            return AgreementView.of(agreement);
        });
    }
}
