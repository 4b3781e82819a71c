package org.partnerplatform.catalog.service;

import org.partnerplatform.events.Patterns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.catalog.repository.DataSource;
import org.partnerplatform.catalog.repository.Operator;
import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.catalog.service.NetexFareParser.FareData;
import org.partnerplatform.catalog.service.NetexFareParser.SalesPackage;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Imports an operator's sales packages from the hub's NeTEx fare data. Each package becomes a product through the
 * same code as the admin API: a new one is created as a DRAFT, an existing one gets the imported content as a new
 * version (its status stays; an unchanged one is left alone, so a repeated import changes nothing), each change is
 * published on catalog.products. The whole import is one transaction: every package is checked against the
 * catalog's rules first, and one that breaks them refuses the import with every problem listed. A package whose data
 * says no ticket validity keeps the product's (a new product gets the default, P1D).
 */
@ApplicationScoped
public class NetexImportService {
    private final NetexFareParser parser;
    private final ProductService products;
    private final CatalogRevisions revisions;
    private final CatalogSettings settings;
    private final Validator validator;
    private final Vertx vertx;

    public NetexImportService(NetexFareParser parser, ProductService products, CatalogRevisions revisions, CatalogSettings settings,
            Validator validator, Vertx vertx) {
        this.parser = parser;
        this.products = products;
        this.revisions = revisions;
        this.settings = settings;
        this.validator = validator;
        this.vertx = vertx;
    }

    public record ImportResult(String codespace, long operatorOrganisationId, List<String> created, List<String> updated, List<String> unchanged,
            List<String> warnings) {
    }

    /**
     * @param codespace the operator's codespace, or null to take it from the packages' ids (they must share one)
     * @param operatorOrganisationId the operator, needed only when the codespace is not yet bound to one
     */
    public Uni<ImportResult> importFares(byte[] xml, String codespace, Long operatorOrganisationId, String actor) {
        // Parsing is CPU work (and the first time builds the NeTEx JAXB context): on a worker, back on this context after.
        return vertx.executeBlocking(Uni.createFrom().item(() -> parser.parse(xml)))
                .chain(data -> apply(data, codespace, operatorOrganisationId, actor));
    }

    private Uni<ImportResult> apply(FareData data, String requestedCodespace, Long requestedOperator, String actor) {
        String codespace = codespaceOf(data, requestedCodespace);
        return Panache.withSession(() -> Operator.withCodespace(codespace)).chain(operator -> {
            long operatorId;
            if (operator != null) {
                if (requestedOperator != null && requestedOperator != operator.organisationId) {
                    throw InvalidRequestException.of("operatorOrganisationId", "codespace " + codespace + " belongs to operator " + operator.organisationId);
                }
                operatorId = operator.organisationId;
            } else if (requestedOperator != null) {
                operatorId = requestedOperator;
            } else {
                throw InvalidRequestException.of("codespace", "no operator has codespace " + codespace
                        + " yet: register the operator in token-service, or give operatorOrganisationId");
            }
            List<NewProduct> imported = checked(data, codespace, operatorId);
            // Imported products are created as DRAFTs (in no catalog); an update may change a published one.
            return revisions.writing(() -> write(imported, actor), result -> result.updated().isEmpty()
                    ? Set.<String> of() : Set.of(CatalogRevisions.operator(operatorId)))
                    .map(result -> new ImportResult(codespace, operatorId, result.created(), result.updated(), result.unchanged(), data.warnings()));
        });
    }

    private Uni<ImportResult> write(List<NewProduct> imported, String actor) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NewProduct product : imported) {
            chain = chain.chain(() -> Product.<Product> findById(product.id())).chain(existing -> {
                if (existing == null) {
                    return products.createInTransaction(product, actor, DataSource.NETEX_IMPORT).invoke(p -> created.add(p.id)).replaceWithVoid();
                }
                // Data without a ticket validity leaves the product's as it is (an admin may have set it), not back to P1D.
                NewProduct content = product.ticketValidity() != null ? product : product.withTicketValidity(existing.ticketValidity);
                return products.replaceContentInTransaction(existing, content, actor, DataSource.NETEX_IMPORT)
                        .invoke(changed -> (changed ? updated : unchanged).add(existing.id)).replaceWithVoid();
            });
        }
        return chain.map(ignored -> new ImportResult(null, 0, created, updated, unchanged, List.of()));
    }

    /** Every package as a new product of the operator, checked against the API's rules; any problem refuses the import. */
    private List<NewProduct> checked(FareData data, String codespace, long operatorId) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        List<NewProduct> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SalesPackage p : data.packages()) {
            if (!p.id().startsWith(codespace + ":")) {
                errors.add(p.id(), "is not in codespace " + codespace + "; an import is for one operator");
                continue;
            }
            if (!seen.add(p.id())) {
                errors.add(p.id(), "appears twice");
                continue;
            }
            p.problems().forEach(problem -> errors.add(p.id(), problem));
            if (p.prices().isEmpty()) {
                errors.add(p.id() + ".prices", "no fare table cell prices this sales package for a user profile");
            }
            if (p.distributionChannels().isEmpty()) {
                errors.add(p.id() + ".distributionChannels", "the sales package has no distribution assignment");
            }
            NewProduct product = new NewProduct(p.id(), operatorId, codespace, new ProductName(p.nameNb(), p.nameEn()), null, null, p.prices(),
                    p.distributionChannels(), p.validFrom() != null ? p.validFrom() : settings.today(), p.validTo(), p.ticketValidity());
            for (ConstraintViolation<NewProduct> violation : validator.validate(product)) {
                errors.add(p.id() + "." + violation.getPropertyPath(), violation.getMessage());
            }
            product.checkConsistency(errors);
            result.add(product);
        }
        errors.throwIfAny();
        return result;
    }

    private static String codespaceOf(FareData data, String requested) {
        if (requested != null) {
            if (!requested.matches(Patterns.CODESPACE)) {
                throw InvalidRequestException.of("codespace", "must be three upper-case letters, e.g. VYG");
            }
            return requested;
        }
        Set<String> codespaces = new LinkedHashSet<>();
        data.packages().forEach(p -> codespaces.add(p.id().contains(":") ? p.id().substring(0, p.id().indexOf(':')) : p.id()));
        if (codespaces.size() != 1) {
            throw ProblemException.badRequest("codespace-required",
                    codespaces.isEmpty() ? "the data has no SalesOfferPackage" : "the data has packages of " + codespaces + "; say which codespace to import");
        }
        return codespaces.iterator().next();
    }
}
