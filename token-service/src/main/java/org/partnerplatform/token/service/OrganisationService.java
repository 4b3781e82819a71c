package org.partnerplatform.token.service;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.token.messaging.LifecycleEvents;
import org.partnerplatform.token.repository.Certification;
import org.partnerplatform.token.repository.ClientRegistry;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.OrganisationType;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Registers, suspends, reinstates and certifies organisations; each change is published (OrganisationRegistered,
 * OrganisationStatusChanged, OrganisationCertificationChanged) through the outbox in the same transaction. A
 * change that changes nothing publishes nothing. The platform's own organisation (1) is neither suspended nor
 * certified by anyone: it is what administers the others.
 */
@ApplicationScoped
public class OrganisationService {
    static final String PLATFORM_NAME = "Platform";

    /** One page of organisations, with the total for paging. */
    public record Page(List<Organisation> items, int page, int size, long total) {
    }

    private final Outbox outbox;
    private final ClientRegistry registry;

    public OrganisationService(Outbox outbox, ClientRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    @WithTransaction
    public Uni<Organisation> register(String name, OrganisationType type, String codespace) {
        if (type == OrganisationType.PLATFORM) {
            throw ProblemException.badRequest("platform-organisation", "there is one platform organisation (1), created at bootstrap");
        }
        if (codespace != null && type != OrganisationType.OPERATOR) {
            throw ProblemException.badRequest("codespace-of-operators", "only operators have a codespace");
        }
        Uni<Boolean> taken = codespace == null ? Uni.createFrom().item(false) : Organisation.codespaceTaken(codespace);
        return taken.chain(isTaken -> {
            if (isTaken) {
                throw ProblemException.conflict("codespace-taken", "the codespace " + codespace + " belongs to another operator");
            }
            return Organisation.nextId();
        }).chain(id -> persistNew(newOrganisation(id, name.trim(), type, codespace, Certification.NOT_CERTIFIED)));
    }

    @WithSession
    public Uni<Organisation> find(long organisationId) {
        return Organisation.byId(organisationId);
    }

    @WithSession
    public Uni<Page> list(OrganisationStatus status, int page, int size) {
        return Organisation.countWith(status)
                .chain(total -> Organisation.page(status, page, size).map(items -> new Page(items, page, size, total)));
    }

    /**
     * Suspends an organisation: its clients get no tokens, and the tokens they hold are refused by this service's
     * own API and its introspection (at once here, on other replicas when the change notification arrives). Other
     * services learn it from OrganisationStatusChanged.
     */
    public Uni<Organisation> suspend(long organisationId, String reason, String changedBy) {
        return changeStatus(organisationId, OrganisationStatus.SUSPENDED, reason, changedBy);
    }

    public Uni<Organisation> reinstate(long organisationId, String reason, String changedBy) {
        return changeStatus(organisationId, OrganisationStatus.ACTIVE, reason, changedBy);
    }

    /** Sets the certification; CERTIFIED needs a reference to the evidence it rests on. */
    public Uni<Organisation> certify(long organisationId, Certification certification, String evidenceReference, String changedBy) {
        String evidence = evidenceReference == null || evidenceReference.isBlank() ? null : evidenceReference.trim();
        if (certification == Certification.CERTIFIED && evidence == null) {
            throw ProblemException.badRequest("evidence-required", "CERTIFIED needs an evidenceReference: what the certification rests on");
        }
        return Panache.withTransaction(() -> require(organisationId).chain(organisation -> {
            requireNotPlatform(organisation, "certified");
            if (organisation.certification == certification && Objects.equals(organisation.certificationEvidence, evidence)) {
                return Uni.createFrom().item(organisation);
            }
            organisation.certification = certification;
            organisation.certificationEvidence = evidence;
            organisation.certificationChangedAt = Timestamps.now();
            organisation.certificationChangedBy = changedBy;
            return outbox.add(LifecycleEvents.certificationChanged(organisation)).replaceWith(organisation);
        })).invoke(registry::everythingChanged);
    }

    /** The platform's own organisation, for bootstrap: id 1, certified. Must run inside a transaction. */
    Uni<Organisation> registerPlatform() {
        return persistNew(newOrganisation(Organisation.PLATFORM_ID, PLATFORM_NAME, OrganisationType.PLATFORM, null, Certification.CERTIFIED));
    }

    private Uni<Organisation> changeStatus(long organisationId, OrganisationStatus status, String reason, String changedBy) {
        return Panache.withTransaction(() -> require(organisationId).chain(organisation -> {
            requireNotPlatform(organisation, status == OrganisationStatus.SUSPENDED ? "suspended" : "reinstated");
            if (organisation.status == status) {
                return Uni.createFrom().item(organisation);
            }
            organisation.status = status;
            organisation.statusReason = reason == null || reason.isBlank() ? null : reason.trim();
            organisation.statusChangedAt = Timestamps.now();
            organisation.statusChangedBy = changedBy;
            return outbox.add(LifecycleEvents.statusChanged(organisation)).replaceWith(organisation);
        }))
                // After the commit, before the answer: this replica judges the organisation's clients afresh from now on.
                .invoke(registry::everythingChanged);
    }

    private static Uni<Organisation> require(long organisationId) {
        return Organisation.byId(organisationId).map(organisation -> {
            if (organisation == null) {
                throw ProblemException.notFound("organisation " + organisationId);
            }
            return organisation;
        });
    }

    private static void requireNotPlatform(Organisation organisation, String what) {
        if (organisation.organisationId == Organisation.PLATFORM_ID) {
            throw ProblemException.conflict("platform-organisation", "the platform organisation (1) cannot be " + what);
        }
    }

    private Uni<Organisation> persistNew(Organisation organisation) {
        return organisation.<Organisation> persist()
                .call(o -> outbox.add(LifecycleEvents.registered(o)));
    }

    private static Organisation newOrganisation(long id, String name, OrganisationType type, String codespace, Certification certification) {
        Organisation o = new Organisation();
        o.organisationId = id;
        o.name = name;
        o.type = type;
        o.codespace = codespace;
        o.status = OrganisationStatus.ACTIVE;
        o.certification = certification;
        o.createdAt = Timestamps.now();
        return o;
    }
}
