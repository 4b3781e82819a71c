package org.partnerplatform.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.catalog.repository.Operator;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.events.token.OrganisationRegistered;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Keeps the operator registry (organisation -> codespace) in step with token-service's organisation events. */
@ApplicationScoped
public class OperatorService {
    static final String OPERATOR = "OPERATOR";
    private static final Logger LOG = Logger.getLogger(OperatorService.class);

    private final CatalogSettings settings;

    public OperatorService(CatalogSettings settings) {
        this.settings = settings;
    }

    public Uni<List<Operator>> list() {
        return Panache.withSession(() -> Operator.listAll(Sort.by("organisationId")));
    }

    /**
     * Registers an operator's codespace, or renames it. Runs inside the consumer's transaction. A codespace cannot
     * move: products' ids carry it. An event that would move one is refused and goes to the dead-letter topic
     * for a person to look at, rather than silently rewriting the catalog.
     */
    public Uni<Void> register(OrganisationRegistered organisation) {
        if (!OPERATOR.equals(organisation.type()) || organisation.codespace() == null) {
            return Uni.createFrom().voidItem();
        }
        return Operator.<Operator> findById(organisation.organisationId()).chain(existing -> {
            if (existing != null) {
                if (!existing.codespace.equals(organisation.codespace())) {
                    throw new InvalidEventException("operator " + organisation.organisationId() + " has codespace " + existing.codespace
                            + "; the event gives " + organisation.codespace());
                }
                existing.name = organisation.name();
                existing.boundBy = Operator.BOUND_BY_ORGANISATION_EVENT;
                existing.updatedAt = settings.now();
                return Uni.createFrom().voidItem();
            }
            return Operator.withCodespace(organisation.codespace()).chain(other -> {
                if (other != null) {
                    throw new InvalidEventException("codespace " + organisation.codespace() + " belongs to operator " + other.organisationId);
                }
                Operator operator = new Operator();
                operator.organisationId = organisation.organisationId();
                operator.codespace = organisation.codespace();
                operator.name = organisation.name();
                operator.boundBy = Operator.BOUND_BY_ORGANISATION_EVENT;
                operator.updatedAt = settings.now();
                LOG.infof("operator %d registered with codespace %s", operator.organisationId, operator.codespace);
                return operator.persist().replaceWithVoid();
            });
        });
    }
}
