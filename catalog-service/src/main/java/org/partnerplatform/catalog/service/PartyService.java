package org.partnerplatform.catalog.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.partnerplatform.catalog.config.CatalogSettings;
import org.partnerplatform.catalog.repository.Party;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the party table in step with token-service's organisation events. Each method runs inside the consumer's
 * transaction. Events of one organisation arrive in order (same key, same partition), but the catalog may have
 * missed an organisation's registration (retention), so every event creates the row it needs.
 */
@ApplicationScoped
public class PartyService {
    private static final Logger LOG = Logger.getLogger(PartyService.class);

    private final CatalogSettings settings;
    private final CatalogRevisions revisions;

    public PartyService(CatalogSettings settings, CatalogRevisions revisions) {
        this.settings = settings;
        this.revisions = revisions;
    }

    public Uni<List<Party>> list() {
        return Panache.withSession(() -> Party.listAll(Sort.by("organisationId")));
    }

    public Uni<Party> get(long organisationId) {
        return Panache.withSession(() -> Party.<Party> findById(organisationId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("organisation " + organisationId));
    }

    /** Registration names the organisation's type and codespace; its status stands unless a later event set one. */
    public Uni<Void> registered(OrganisationRegistered event) {
        return party(event.organisationId()).chain(party -> {
            party.type = event.type();
            party.name = event.name();
            party.codespace = event.codespace();
            if (party.status == null) {
                party.status = event.status();
            }
            if (party.certification == null) {
                party.certification = event.certification();
            }
            party.updatedAt = settings.now();
            LOG.debugf("organisation %d (%s) registered", party.organisationId, party.type);
            return party.persist().chain(() -> revisions.bump(scopesOf(party))).replaceWithVoid();
        });
    }

    /** A SUSPENDED partner's catalog is empty and a SUSPENDED operator's products leave every catalog, until ACTIVE again. */
    public Uni<Void> statusChanged(OrganisationStatusChanged event) {
        return party(event.organisationId()).chain(party -> {
            party.status = event.status();
            party.statusReason = event.reason();
            party.updatedAt = settings.now();
            LOG.infof("organisation %d is now %s (%s, by %s)", party.organisationId, party.status, event.reason(), event.changedBy());
            return party.persist().chain(() -> revisions.bump(scopesOf(party))).replaceWithVoid();
        });
    }

    /** Kept for the admins' view; certification gates clients and tokens in token-service, not the catalog. */
    public Uni<Void> certificationChanged(OrganisationCertificationChanged event) {
        return party(event.organisationId()).chain(party -> {
            party.certification = event.certification();
            if (party.status == null) {
                party.status = Party.ACTIVE;
            }
            party.updatedAt = settings.now();
            return party.persist().replaceWithVoid();
        });
    }

    /** An organisation's status counts in its own catalog as a partner and in its partners' as an operator. */
    private static Set<String> scopesOf(Party party) {
        return Set.of(CatalogRevisions.partner(party.organisationId), CatalogRevisions.operator(party.organisationId));
    }

    /** The organisation's row, or a new one without a status (the event that creates it sets one). */
    private static Uni<Party> party(long organisationId) {
        return Party.<Party> findById(organisationId).map(found -> {
            if (found != null) {
                return found;
            }
            Party party = new Party();
            party.organisationId = organisationId;
            return party;
        });
    }
}
