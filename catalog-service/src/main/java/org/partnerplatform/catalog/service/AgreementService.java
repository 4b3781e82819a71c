package org.partnerplatform.catalog.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.tx.PersistenceFailures;
import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.events.Environment;
import org.partnerplatform.catalog.repository.Agreement;
import org.partnerplatform.catalog.repository.AgreementHistoryEntry;
import org.partnerplatform.catalog.repository.AgreementRight;
import org.partnerplatform.catalog.repository.AgreementStatus;
import org.partnerplatform.catalog.repository.Product;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.ProductsReadinessWithdrawn;
import org.partnerplatform.events.catalog.ProductsReadyForUse;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes agreements. Every change commits together with a history entry (who, what, when) and an outbox event with
 * the agreement's full new state on catalog.agreements, keyed by agreement id. Making an agreement's products
 * ready for use in an environment, or withdrawing that, also notifies the partner on its own topic.
 */
@ApplicationScoped
public class AgreementService {
    static final String CREATED = "CREATED";
    static final String READY_FOR_USE = "READY_FOR_USE";
    static final String READINESS_WITHDRAWN = "READINESS_WITHDRAWN";

    private final Outbox outbox;
    private final CatalogSettings settings;
    private final CatalogRevisions revisions;

    public AgreementService(Outbox outbox, CatalogSettings settings, CatalogRevisions revisions) {
        this.outbox = outbox;
        this.settings = settings;
        this.revisions = revisions;
    }

    public Uni<Agreement> get(String id) {
        return Panache.withSession(() -> find(id));
    }

    public Uni<List<Agreement>> list(Long partnerOrganisationId, Long operatorOrganisationId) {
        return Panache.withSession(() -> Agreement.listOf(partnerOrganisationId, operatorOrganisationId));
    }

    /** The agreements the organisation is a party to, as partner or as operator. */
    public Uni<List<Agreement>> ofParty(long organisationId) {
        return Panache.withSession(() -> Agreement.ofParty(organisationId));
    }

    public Uni<List<AgreementHistoryEntry>> history(String id) {
        return Panache.withSession(() -> find(id).chain(agreement -> AgreementHistoryEntry.of(agreement.id)));
    }

    public Uni<Agreement> create(NewAgreement request, String actor) {
        InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
        request.checkConsistency(errors);
        errors.throwIfAny();
        return revisions.writing(() -> requireProductsOfOperator(request)
                .chain(() -> {
                    Agreement agreement = new Agreement();
                    agreement.id = UUID.randomUUID().toString();
                    agreement.partnerOrganisationId = request.partnerOrganisationId();
                    agreement.operatorOrganisationId = request.operatorOrganisationId();
                    agreement.status = AgreementStatus.DRAFT;
                    agreement.allProducts = request.coversAllProducts();
                    agreement.productIds.addAll(request.listedProducts());
                    request.rights().forEach(r -> agreement.rights.add(AgreementRight.valueOf(r)));
                    agreement.distributionChannelId = request.distributionChannelId();
                    agreement.commissionBasisPoints = request.commissionBasisPoints();
                    agreement.validFrom = request.validFrom();
                    agreement.validTo = request.validTo();
                    agreement.createdAt = settings.now();
                    agreement.updatedAt = agreement.createdAt;
                    return agreement.<Agreement> persistAndFlush();
                })
                .call(agreement -> record(agreement, CREATED, null, actor))
                .call(this::publishState), AgreementService::scopeOf);
    }

    /** An agreement's change can alter only its partner's catalog (and which operators that catalog depends on). */
    private static Set<String> scopeOf(Agreement agreement) {
        return Set.of(CatalogRevisions.partner(agreement.partnerOrganisationId));
    }

    public Uni<Agreement> transition(String id, AgreementTransition transition, Long expectedVersion, String actor) {
        return changing(id, agreement -> {
            if (!transition.allowedFrom(agreement.status)) {
                throw ProblemException.conflict("illegal-transition", "agreement " + id + " is " + agreement.status
                        + " and cannot " + transition.name().toLowerCase()
                        + (agreement.status == AgreementStatus.TERMINATED ? ": termination is final" : ""));
            }
            return change(agreement, expectedVersion, a -> a.status = transition.to(), transition.action(), null, actor);
        });
    }

    /** Makes the agreement's products ready for use in the environment. Repeating it changes nothing and sends nothing. */
    public Uni<Agreement> makeReady(String id, Environment environment, Long expectedVersion, String actor) {
        return changing(id, agreement -> {
            requireNotTerminated(agreement);
            if (agreement.readyEnvironments.contains(environment)) {
                return Uni.createFrom().item(agreement);
            }
            return change(agreement, expectedVersion, a -> a.readyEnvironments.add(environment), READY_FOR_USE, environment.name(), actor)
                    .call(a -> notifyPartner(a, environment));
        });
    }

    /**
     * Withdraws readiness in the environment; the partner's catalog there no longer shows the agreement's products, and
     * the partner is told on its notification topic. Repeating it changes nothing and sends nothing.
     */
    public Uni<Agreement> withdrawReadiness(String id, Environment environment, Long expectedVersion, String actor) {
        return changing(id, agreement -> {
            requireNotTerminated(agreement);
            if (!agreement.readyEnvironments.contains(environment)) {
                return Uni.createFrom().item(agreement);
            }
            return change(agreement, expectedVersion, a -> a.readyEnvironments.remove(environment), READINESS_WITHDRAWN,
                    environment.name(), actor)
                    .call(a -> notifyWithdrawal(a, environment));
        });
    }

    /** Runs a change of one agreement in a transaction; losing a race to another transaction answers 409. */
    private Uni<Agreement> changing(String id, Function<Agreement, Uni<Agreement>> work) {
        return revisions.writing(() -> find(id).chain(agreement -> work.apply(agreement)), AgreementService::scopeOf)
                .onFailure(PersistenceFailures::isStale).transform(e -> Conflicts.changedConcurrently("agreement " + id));
    }

    /**
     * Checks the version the caller based its change on, changes, flushes (which raises the version, or fails when
     * another transaction changed the agreement first), then records who did it under the new version and publishes
     * the new full state, all in the caller's transaction.
     */
    private Uni<Agreement> change(Agreement agreement, Long expectedVersion, Consumer<Agreement> mutation, String action, String detail,
            String actor) {
        if (expectedVersion != null && expectedVersion != agreement.version) {
            throw Conflicts.staleVersion("agreement " + agreement.id, expectedVersion, agreement.version);
        }
        mutation.accept(agreement);
        agreement.updatedAt = settings.now();
        return agreement.<Agreement> persistAndFlush()
                .call(a -> record(a, action, detail, actor))
                .call(this::publishState);
    }

    private Uni<Void> record(Agreement agreement, String action, String detail, String actor) {
        return AgreementHistoryEntry.of(agreement, action, detail, actor, agreement.updatedAt).persist().replaceWithVoid();
    }

    private Uni<Void> publishState(Agreement agreement) {
        return outbox.add(OutgoingEvent.of(Topics.CATALOG_AGREEMENTS, agreement.id, CatalogEvents.agreementState(agreement))).replaceWithVoid();
    }

    private Uni<Void> notifyPartner(Agreement agreement, Environment environment) {
        Uni<List<String>> productIds = agreement.allProducts
                ? Product.publishedIdsOfOperator(agreement.operatorOrganisationId)
                : Uni.createFrom().item(CatalogEvents.sorted(agreement.productIds));
        return productIds.chain(ids -> outbox.add(OutgoingEvent.of(Topics.catalogNotifications(agreement.partnerOrganisationId), agreement.id,
                new ProductsReadyForUse(agreement.id, agreement.partnerOrganisationId, agreement.operatorOrganisationId, environment.name(),
                        ids, agreement.updatedAt))))
                .replaceWithVoid();
    }

    private Uni<Void> notifyWithdrawal(Agreement agreement, Environment environment) {
        return outbox.add(OutgoingEvent.of(Topics.catalogNotifications(agreement.partnerOrganisationId), agreement.id,
                new ProductsReadinessWithdrawn(agreement.id, agreement.partnerOrganisationId, agreement.operatorOrganisationId,
                        environment.name(), agreement.updatedAt)))
                .replaceWithVoid();
    }

    /** Listed products must exist and be the operator's: an agreement cannot let a partner sell another operator's product. */
    private static Uni<Void> requireProductsOfOperator(NewAgreement request) {
        if (request.listedProducts().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Product.idsOfOperator(request.listedProducts(), request.operatorOrganisationId()).invoke(found -> {
            Set<String> missing = new HashSet<>(request.listedProducts());
            found.forEach(missing::remove);
            if (!missing.isEmpty()) {
                List<String> sorted = new ArrayList<>(missing);
                sorted.sort(null);
                throw InvalidRequestException.of("productIds",
                        "not products of operator " + request.operatorOrganisationId() + ": " + String.join(", ", sorted));
            }
        }).replaceWithVoid();
    }

    private static void requireNotTerminated(Agreement agreement) {
        if (agreement.status == AgreementStatus.TERMINATED) {
            throw ProblemException.conflict("agreement-terminated", "agreement " + agreement.id + " is terminated; termination is final");
        }
    }

    private static Uni<Agreement> find(String id) {
        return Agreement.<Agreement> findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("agreement " + id));
    }
}
