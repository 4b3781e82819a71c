package org.partnerplatform.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.repository.DataSource;
import org.partnerplatform.catalog.service.NetexImportService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** The platform's admins import an operator's products from the hub's NeTEx fare data. */
@Path("/v1/admin/imports/netex")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Imports (platform admin)")
public class ImportAdminResource {
    private final NetexImportService imports;
    private final Caller caller;

    public ImportAdminResource(NetexImportService imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    /** What an import did; the products it wrote are credited to the hub. */
    public record ImportView(String codespace, long operatorOrganisationId, List<String> created, List<String> updated, List<String> unchanged,
            List<String> warnings, String dataSource, String dataCredit, String dataLicence) {
    }

    @POST
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import sales packages from a NeTEx PublicationDelivery with a FareFrame",
            description = "Each SalesOfferPackage of the codespace becomes a product (a new one as a DRAFT; an existing one gets the imported "
                    + "content as a new version; an unchanged one is left alone), with prices per user profile from the fare tables. All or "
                    + "nothing: a package that breaks the catalog's rules refuses the import, naming every problem. Imported products carry "
                    + "dataSource NETEX_IMPORT and the credit \"Data made available by Entur\" (NLOD).")
    public Uni<ImportView> importNetex(
            @Parameter(description = "The operator's codespace; may be left out when every package's id has the same one") @QueryParam("codespace") String codespace,
            @Parameter(description = "Only when the codespace is not yet bound to an operator") @QueryParam("operatorOrganisationId") Long operatorOrganisationId,
            byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("invalid-netex", "the body must be a NeTEx PublicationDelivery document");
        }
        return imports.importFares(body, codespace == null || codespace.isBlank() ? null : codespace.trim(), operatorOrganisationId, caller.clientId())
                .map(r -> new ImportView(r.codespace(), r.operatorOrganisationId(), r.created(), r.updated(), r.unchanged(), r.warnings(),
                        DataSource.NETEX_IMPORT.name(), DataSource.ENTUR_CREDIT, DataSource.ENTUR_LICENCE));
    }
}
