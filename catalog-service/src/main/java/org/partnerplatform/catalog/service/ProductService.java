package org.partnerplatform.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.catalog.repository.Operator;
import org.partnerplatform.catalog.repository.Price;
import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.catalog.repository.ProductStatus;
import org.partnerplatform.events.Topics;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes products. Every change commits together with an outbox event carrying the product's full new state,
 * keyed by product id, so that the compacted topic catalog.products always ends with the committed state.
 */
@ApplicationScoped
public class ProductService {
    private final Outbox outbox;
    private final CatalogSettings settings;

    public ProductService(Outbox outbox, CatalogSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    public Uni<Product> get(String id) {
        return Panache.withSession(() -> find(id));
    }

    public Uni<List<Product>> list(Long operatorOrganisationId) {
        return Panache.withSession(() -> Product.listOf(operatorOrganisationId));
    }

    public Uni<Product> create(NewProduct request, String actor) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        request.checkConsistency(errors);
        errors.throwIfAny();
        return Panache.withTransaction(() -> Product.<Product> findById(request.id())
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("product-exists", "product " + request.id() + " already exists");
                    }
                })
                .chain(() -> bindCodespace(request.operatorOrganisationId(), request.codespace()))
                .chain(() -> {
                    Product product = new Product();
                    product.id = request.id();
                    product.operatorOrganisationId = request.operatorOrganisationId();
                    product.codespace = request.codespace();
                    product.status = ProductStatus.DRAFT;
                    apply(product, request, actor);
                    product.createdAt = product.updatedAt;
                    return product.<Product> persistAndFlush();
                })
                .call(this::publishState))
                .onFailure(PersistenceFailures::isUniqueViolation)
                .transform(e -> ProblemException.conflict("product-exists", "product " + request.id() + " or its codespace was created concurrently"));
    }

    public Uni<Product> update(String id, ProductUpdate request, long expectedVersion, String actor) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        request.checkConsistency(errors);
        errors.throwIfAny();
        return change(id, expectedVersion, product -> apply(product, request, actor));
    }

    /** DRAFT or WITHDRAWN -> PUBLISHED: partners with a covering agreement now see it. */
    public Uni<Product> publish(String id, Long expectedVersion, String actor) {
        return transition(id, expectedVersion, Set.of(ProductStatus.DRAFT, ProductStatus.WITHDRAWN), ProductStatus.PUBLISHED, actor);
    }

    /** DRAFT or PUBLISHED -> WITHDRAWN: out of every catalog, kept for history and for orders that name it. */
    public Uni<Product> withdraw(String id, Long expectedVersion, String actor) {
        return transition(id, expectedVersion, Set.of(ProductStatus.DRAFT, ProductStatus.PUBLISHED), ProductStatus.WITHDRAWN, actor);
    }

    private Uni<Product> transition(String id, Long expectedVersion, Set<ProductStatus> from, ProductStatus to, String actor) {
        return change(id, expectedVersion, product -> {
            if (!from.contains(product.status)) {
                throw ProblemException.conflict("illegal-transition",
                        "product " + id + " is " + product.status + "; only a product that is " + from + " can become " + to);
            }
            product.status = to;
            product.updatedBy = actor;
        });
    }

    /**
     * Loads, checks the version the caller based its change on, changes, flushes (which raises the version and
     * fails if another transaction got there first) and publishes the new state, all in one transaction.
     */
    private Uni<Product> change(String id, Long expectedVersion, Consumer<Product> change) {
        return Panache.withTransaction(() -> find(id)
                .invoke(product -> {
                    if (expectedVersion != null && expectedVersion != product.version) {
                        throw Conflicts.staleVersion("product " + id, expectedVersion, product.version);
                    }
                    change.accept(product);
                    product.updatedAt = settings.now();
                })
                .chain(product -> product.<Product> persistAndFlush())
                .call(this::publishState))
                .onFailure(PersistenceFailures::isStale)
                .transform(e -> Conflicts.changedConcurrently("product " + id));
    }

    private Uni<Void> publishState(Product product) {
        return outbox.add(OutgoingEvent.of(Topics.CATALOG_PRODUCTS, product.id, CatalogEvents.productState(product))).replaceWithVoid();
    }

    /** The codespace belongs to the operator: bound by its first product, and never used by another operator. */
    private Uni<Void> bindCodespace(long operatorOrganisationId, String codespace) {
        return Operator.<Operator> findById(operatorOrganisationId).chain(operator -> {
            if (operator != null) {
                if (!operator.codespace.equals(codespace)) {
                    throw InvalidRequestException.of("codespace",
                            "operator " + operatorOrganisationId + " has codespace " + operator.codespace);
                }
                return Uni.createFrom().voidItem();
            }
            return Operator.withCodespace(codespace).chain(other -> {
                if (other != null) {
                    throw ProblemException.conflict("codespace-taken",
                            "codespace " + codespace + " belongs to operator " + other.organisationId);
                }
                Operator bound = new Operator();
                bound.organisationId = operatorOrganisationId;
                bound.codespace = codespace;
                bound.boundBy = Operator.BOUND_BY_FIRST_PRODUCT;
                bound.updatedAt = settings.now();
                return bound.persist().replaceWithVoid();
            });
        });
    }

    private void apply(Product product, ProductContent content, String actor) {
        product.nameNb = content.name().nb();
        product.nameEn = content.name().en();
        VatGroup group = content.vatGroupOrDefault();
        product.vatGroup = group.name();
        product.vatRate = group.rate();
        product.prices.clear();
        content.prices().forEach(p -> product.prices.add(new Price(p.userProfile(), new BigDecimal(p.amount()))));
        product.distributionChannels.clear();
        product.distributionChannels.addAll(content.distributionChannels());
        product.validFrom = content.validFrom();
        product.validTo = content.validTo();
        product.updatedBy = actor;
        product.updatedAt = settings.now();
    }

    private static Uni<Product> find(String id) {
        return Product.<Product> findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("product " + id));
    }
}
