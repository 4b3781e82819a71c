package org.partnerplatform.catalog.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.tx.PersistenceFailures;
import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.catalog.repository.DataSource;
import org.partnerplatform.catalog.repository.Operator;
import org.partnerplatform.catalog.repository.Price;
import org.partnerplatform.catalog.repository.PriceChange;
import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.catalog.repository.ProductStatus;
import org.partnerplatform.events.Topics;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes products. Every change makes a new version and commits together with an outbox event carrying the
 * product's full new state, keyed by product id, so that the compacted topic catalog.products always ends with the
 * committed state. Scheduling a price change is a change too (a new version); the change itself is applied on its
 * day by {@link PriceSchedule}, as one more version.
 */
@ApplicationScoped
public class ProductService {
    /** Who applied a scheduled price change, in updatedBy. */
    public static final String PRICE_SCHEDULE_ACTOR = "catalog-service:price-schedule";

    private final Outbox outbox;
    private final CatalogSettings settings;
    private final CatalogRevisions revisions;

    public ProductService(Outbox outbox, CatalogSettings settings, CatalogRevisions revisions) {
        this.outbox = outbox;
        this.settings = settings;
        this.revisions = revisions;
    }

    public Uni<ProductDetails> get(String id) {
        return Panache.withSession(() -> find(id).chain(ProductService::details));
    }

    /** The product, if it is the operator's; another operator's product answers 404 as if it did not exist. */
    public Uni<ProductDetails> getOfOperator(String id, long operatorOrganisationId) {
        return get(id).invoke(details -> {
            if (details.product().operatorOrganisationId != operatorOrganisationId) {
                throw ProblemException.notFound("product " + id);
            }
        });
    }

    public Uni<List<ProductDetails>> list(Long operatorOrganisationId) {
        return Panache.withSession(() -> Product.listOf(operatorOrganisationId).chain(products -> {
            List<String> ids = products.stream().map(p -> p.id).toList();
            Uni<List<PriceChange>> changes = operatorOrganisationId == null ? PriceChange.all() : PriceChange.ofProducts(ids);
            return changes.map(all -> {
                Map<String, List<PriceChange>> byProduct = new LinkedHashMap<>();
                all.forEach(c -> byProduct.computeIfAbsent(c.productId, k -> new ArrayList<>()).add(c));
                return products.stream().map(p -> new ProductDetails(p, byProduct.getOrDefault(p.id, List.of()))).toList();
            });
        }));
    }

    public Uni<ProductDetails> create(NewProduct request, String actor) {
        // A new product is a DRAFT: in no catalog, so no cached catalog retires.
        return revisions.writing(() -> createInTransaction(request, actor, DataSource.ADMIN_API).chain(ProductService::details), created -> Set.of())
                .onFailure(PersistenceFailures::isUniqueViolation)
                .transform(e -> ProblemException.conflict("product-exists", "product " + request.id() + " or its codespace was created concurrently"));
    }

    /** Creates a DRAFT within the caller's transaction, and publishes it. */
    Uni<Product> createInTransaction(NewProduct request, String actor, DataSource source) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        request.checkConsistency(errors);
        errors.throwIfAny();
        return Product.<Product> findById(request.id())
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
                    product.dataSource = source;
                    apply(product, request, actor);
                    product.createdAt = product.updatedAt;
                    return product.<Product> persistAndFlush();
                })
                .call(this::publishState);
    }

    public Uni<ProductDetails> update(String id, ProductUpdate request, long expectedVersion, String actor) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        request.checkConsistency(errors);
        errors.throwIfAny();
        return change(id, expectedVersion, product -> {
            apply(product, request, actor);
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Replaces the content of a product within the caller's transaction, as a new version, unless it already has
     * exactly that content (so that importing the same data twice changes nothing). Returns whether it changed.
     */
    Uni<Boolean> replaceContentInTransaction(Product product, ProductContent content, String actor, DataSource source) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        content.checkConsistency(errors);
        errors.throwIfAny();
        if (sameContent(product, content) && product.dataSource == source) {
            return Uni.createFrom().item(false);
        }
        apply(product, content, actor);
        product.dataSource = source;
        return product.<Product> persistAndFlush().call(this::publishState).replaceWith(true);
    }

    /** DRAFT or WITHDRAWN -> PUBLISHED: partners with a covering agreement now see it. */
    public Uni<ProductDetails> publish(String id, Long expectedVersion, String actor) {
        return transition(id, expectedVersion, Set.of(ProductStatus.DRAFT, ProductStatus.WITHDRAWN), ProductStatus.PUBLISHED, actor);
    }

    /** DRAFT or PUBLISHED -> WITHDRAWN: out of every catalog, kept for history and for orders that name it. */
    public Uni<ProductDetails> withdraw(String id, Long expectedVersion, String actor) {
        return transition(id, expectedVersion, Set.of(ProductStatus.DRAFT, ProductStatus.PUBLISHED), ProductStatus.WITHDRAWN, actor);
    }

    /**
     * Schedules prices for a future day (replacing any change already scheduled for that day). The product's current
     * prices, and so the catalog, do not change until the day comes.
     */
    public Uni<ProductDetails> schedulePriceChange(String id, PriceChangeRequest request, Long expectedVersion, String actor) {
        LocalDate today = settings.today();
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        if (!request.effectiveFrom().isAfter(today)) {
            errors.add("effectiveFrom", "must be after today (" + today + " in the deployment's time zone); change today's prices with PUT");
        }
        Set<String> profiles = new HashSet<>();
        request.prices().forEach(p -> {
            if (!profiles.add(p.userProfile())) {
                errors.add("prices", "more than one price for user profile " + p.userProfile());
            }
        });
        errors.throwIfAny();
        return change(id, expectedVersion, product -> {
            if (product.validTo != null && request.effectiveFrom().isAfter(product.validTo)) {
                throw InvalidRequestException.of("effectiveFrom", "the product is valid only until " + product.validTo);
            }
            product.updatedBy = actor;
            return PriceChange.<PriceChange> find("productId = ?1 and effectiveFrom = ?2", id, request.effectiveFrom()).firstResult()
                    .chain(existing -> {
                        // Replaced in place: a delete and an insert of the same (product, day) in one flush would meet
                        // the unique key, since Hibernate flushes inserts before deletes.
                        PriceChange change = existing != null ? existing : new PriceChange();
                        if (existing == null) {
                            change.id = UUID.randomUUID();
                            change.productId = id;
                            change.effectiveFrom = request.effectiveFrom();
                        }
                        change.createdAt = settings.now();
                        change.createdBy = actor;
                        change.prices.clear();
                        request.prices().forEach(p -> change.prices.add(new Price(p.userProfile(), new BigDecimal(p.amount()))));
                        return change.persist();
                    }).replaceWithVoid();
        });
    }

    /** Cancels the price change scheduled for that day; 404 when there is none. */
    public Uni<ProductDetails> cancelPriceChange(String id, LocalDate effectiveFrom, Long expectedVersion, String actor) {
        return change(id, expectedVersion, product -> PriceChange.<PriceChange> find("productId = ?1 and effectiveFrom = ?2", id, effectiveFrom)
                .firstResult()
                .chain(change -> {
                    if (change == null) {
                        throw ProblemException.notFound("price change of product " + id + " from " + effectiveFrom);
                    }
                    product.updatedBy = actor;
                    return change.delete();
                }));
    }

    /**
     * Applies the product's due changes within the caller's transaction: the latest one whose day has come replaces
     * the prices (earlier due ones are superseded), as a new version that is published; all due ones are deleted.
     */
    Uni<Void> applyDueInTransaction(String productId, List<PriceChange> due) {
        PriceChange latest = due.get(due.size() - 1);
        return find(productId).chain(product -> {
            product.prices.clear();
            latest.prices.forEach(p -> product.prices.add(new Price(p.userProfile, p.amount)));
            product.updatedBy = PRICE_SCHEDULE_ACTOR;
            product.updatedAt = settings.now();
            Uni<Void> deletes = Uni.createFrom().voidItem();
            for (PriceChange change : due) {
                deletes = deletes.chain(change::delete);
            }
            return deletes.chain(() -> product.<Product> persistAndFlush()).call(this::publishState).replaceWithVoid();
        });
    }

    private Uni<ProductDetails> transition(String id, Long expectedVersion, Set<ProductStatus> from, ProductStatus to, String actor) {
        return change(id, expectedVersion, product -> {
            if (!from.contains(product.status)) {
                throw ProblemException.conflict("illegal-transition",
                        "product " + id + " is " + product.status + "; only a product that is " + from + " can become " + to);
            }
            product.status = to;
            product.updatedBy = actor;
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Loads, checks the version the caller based its change on, changes, flushes (which raises the version and
     * fails if another transaction got there first) and publishes the new state, all in one transaction.
     */
    private Uni<ProductDetails> change(String id, Long expectedVersion, Function<Product, Uni<Void>> change) {
        AtomicBoolean publishedBefore = new AtomicBoolean();
        return revisions.writing(() -> find(id)
                .call(product -> {
                    if (expectedVersion != null && expectedVersion != product.version) {
                        throw Conflicts.staleVersion("product " + id, expectedVersion, product.version);
                    }
                    publishedBefore.set(product.status == ProductStatus.PUBLISHED);
                    // Touching updatedAt makes the product dirty, so every change raises its version.
                    product.updatedAt = settings.now();
                    return change.apply(product);
                })
                .chain(product -> product.<Product> persistAndFlush())
                .call(this::publishState)
                .chain(ProductService::details),
                // Only a PUBLISHED product is in catalogs: editing a draft or a withdrawn product retires none.
                changed -> publishedBefore.get() || changed.product().status == ProductStatus.PUBLISHED ? scopeOf(changed) : Set.of())
                .onFailure(PersistenceFailures::isStale)
                .transform(e -> Conflicts.changedConcurrently("product " + id));
    }

    private Uni<Void> publishState(Product product) {
        return outbox.add(OutgoingEvent.of(Topics.CATALOG_PRODUCTS, product.id, CatalogEvents.productState(product))).replaceWithVoid();
    }

    /** A product's change can alter the catalogs of the partners with agreements with its operator. */
    private static Set<String> scopeOf(ProductDetails details) {
        return Set.of(CatalogRevisions.operator(details.product().operatorOrganisationId));
    }

    private static Uni<ProductDetails> details(Product product) {
        return PriceChange.ofProducts(List.of(product.id)).map(changes -> new ProductDetails(product, changes));
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
        product.ticketValidity = content.ticketValidityOrDefault();
        product.updatedBy = actor;
        product.updatedAt = settings.now();
    }

    private static boolean sameContent(Product product, ProductContent content) {
        VatGroup group = content.vatGroupOrDefault();
        List<String> prices = content.prices().stream().map(p -> p.userProfile() + "=" + new BigDecimal(p.amount()).stripTrailingZeros()).toList();
        List<String> current = product.prices.stream().map(p -> p.userProfile + "=" + p.amount.stripTrailingZeros()).toList();
        return Objects.equals(product.nameNb, content.name().nb()) && Objects.equals(product.nameEn, content.name().en())
                && product.vatGroup.equals(group.name()) && current.equals(prices)
                && product.distributionChannels.equals(content.distributionChannels())
                && product.validFrom.equals(content.validFrom()) && Objects.equals(product.validTo, content.validTo())
                && product.ticketValidity.equals(content.ticketValidityOrDefault());
    }

    static Uni<Product> find(String id) {
        return Product.<Product> findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("product " + id));
    }
}
