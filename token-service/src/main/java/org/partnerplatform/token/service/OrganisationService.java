package org.partnerplatform.token.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.token.messaging.LifecycleEvents;
import org.partnerplatform.token.repository.Certification;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.OrganisationType;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Registers organisations; each registration is published as OrganisationRegistered in the same transaction. */
@ApplicationScoped
public class OrganisationService {
    static final String PLATFORM_NAME = "Platform";

    private final Outbox outbox;

    public OrganisationService(Outbox outbox) {
        this.outbox = outbox;
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

    /** The platform's own organisation, for bootstrap: id 1, certified. Must run inside a transaction. */
    Uni<Organisation> registerPlatform() {
        return persistNew(newOrganisation(Organisation.PLATFORM_ID, PLATFORM_NAME, OrganisationType.PLATFORM, null, Certification.CERTIFIED));
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
