package org.partnerplatform.token.service.persons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.messaging.tx.PersistenceFailures;
import org.partnerplatform.token.config.TokenConfig;
import org.partnerplatform.token.repository.AuditEvent;
import org.partnerplatform.token.repository.Invitation;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.PersonStatus;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.token.service.ClientSecrets;
import org.partnerplatform.token.service.RandomValues;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * An organisation's persons: invited with a one-time link (its token is returned once and kept only as a hash),
 * created when the invitation is accepted with a password and an enrolled second factor, given other roles, removed
 * (a reset of their sign-in is an invitation too: {@link SignInResets}). Passwords are hashed off the event loop
 * before the transaction starts.
 */
@ApplicationScoped
public class PersonService {
    private final ClientSecrets hasher;
    private final SecondFactor secondFactor;
    private final Duration invitationLifetime;

    public PersonService(ClientSecrets hasher, SecondFactor secondFactor, TokenConfig config) {
        this.hasher = hasher;
        this.secondFactor = secondFactor;
        this.invitationLifetime = config.persons().invitationLifetime();
    }

    /** The link was taken or closed between reading it and accepting it. */
    private static final class LinkTaken extends RuntimeException {
        LinkTaken() {
            super("the invitation is no longer open", null, false, false);
        }
    }

    /** An invitation, and the one-time token of its link, which is never stored. */
    public record NewInvitation(Invitation invitation, String token) {
    }

    public Uni<NewInvitation> invite(long organisationId, String email, Set<Role> roles, boolean byPlatformAdmin, String actor) {
        String address = EmailAddresses.normalise(email);
        if (address == null) {
            throw ProblemException.badRequest("invalid-email", "email must be an e-mail address");
        }
        Set<Role> given = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        PersonRolePolicy.requireMayGive(byPlatformAdmin, given);
        PersonRolePolicy.requireMayHold(organisationId, given);
        String token = RandomValues.secret();
        return Panache.withTransaction(() -> requireActiveOrganisation(organisationId)
                .chain(() -> Person.activeByEmail(address))
                .chain(existing -> {
                    // Only where the inviter may know it: another organisation's persons are not its business (the
                    // invitation then fails when it is accepted, telling the invited person only).
                    if (existing != null && (byPlatformAdmin || existing.organisationId == organisationId)) {
                        throw ProblemException.conflict("person-exists", "a person signs in with " + address + " already");
                    }
                    Invitation invitation = newInvitation(organisationId, address, given, actor, token);
                    // Only the newest link of an address opens: one lost or sent to the wrong person is replaced by inviting again.
                    return Invitation.update("expiresAt = ?1 where organisationId = ?2 and email = ?3 and acceptedAt is null"
                            + " and resetsPersonId is null and expiresAt > ?1", invitation.createdAt, organisationId, address)
                            .chain(() -> invitation.<Invitation> persist())
                            .call(i -> AuditEvent.of(organisationId, actor, AuditEvent.Action.INVITATION_CREATED,
                                    i.invitationId, address + " with " + roleNames(given)).persist());
                }))
                .map(invitation -> new NewInvitation(invitation, token));
    }

    /** An invitation, to persist, whose link holds {@code token}; open for the configured lifetime. */
    Invitation newInvitation(long organisationId, String address, Set<Role> roles, String actor, String token) {
        Invitation invitation = new Invitation();
        invitation.invitationId = RandomValues.identifier();
        invitation.tokenHash = tokenHash(token);
        invitation.organisationId = organisationId;
        invitation.email = address;
        invitation.roles = roles;
        invitation.invitedBy = actor;
        invitation.createdAt = Timestamps.now();
        invitation.expiresAt = invitation.createdAt.plus(invitationLifetime);
        return invitation;
    }

    /** The open invitation a link's token names, or null: used, expired and unknown tokens look alike. */
    @WithSession
    public Uni<Invitation> openInvitation(String token) {
        if (token == null || token.length() > 100) {
            return Uni.createFrom().nullItem();
        }
        return Invitation.byTokenHash(tokenHash(token)).map(i -> i != null && i.openAt(Timestamps.now()) ? i : null);
    }

    /**
     * The open invitation with the TOTP secret its person will enrol: made and stored the first time (so that a
     * reload shows the same secret), or null.
     */
    public Uni<Invitation> openInvitationToEnrol(String token) {
        return openInvitation(token).chain(open -> {
            if (open == null || open.totpSecretCiphertext != null) {
                return Uni.createFrom().item(open);
            }
            KeyEncryption.Sealed sealed = secondFactor.newSecret(open.email);
            // Only where none is stored yet: two tabs opened at once show the same secret after a reload.
            return Panache.withTransaction(() -> Invitation.update(
                    "totpSecretIv = ?1, totpSecretCiphertext = ?2 where invitationId = ?3 and totpSecretCiphertext is null",
                    sealed.iv(), sealed.ciphertext(), open.invitationId)).chain(() -> openInvitation(token));
        });
    }

    /**
     * Creates the invited person with the chosen password and the enrolled second factor (the code proves that
     * their app holds the secret); null when the invitation is no longer open.
     */
    public Uni<Person> accept(String token, String displayName, String password, String code) {
        return openInvitation(token).chain(open -> {
            if (open == null) {
                return Uni.createFrom().nullItem();
            }
            PasswordPolicy.require(password, open.email);
            if (open.totpSecretCiphertext == null) {
                throw new NotAccepted(NotAccepted.Reason.NOT_ENROLLED);
            }
            long step = secondFactor.accepted(new KeyEncryption.Sealed(open.totpSecretIv, open.totpSecretCiphertext), open.email, code, 0,
                    Instant.now());
            if (step < 0) {
                throw new NotAccepted(NotAccepted.Reason.WRONG_CODE);
            }
            return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> Invitation.byTokenHash(tokenHash(token))
                    .chain(invitation -> {
                        // Checked again inside the transaction: two tabs submitting the same link create one person.
                        if (invitation == null || !invitation.openAt(Timestamps.now())) {
                            return Uni.createFrom().<Person> nullItem();
                        }
                        if (invitation.reset()) {
                            return requireActiveOrganisation(invitation.organisationId)
                                    .chain(() -> SignInResets.complete(invitation, hash, step));
                        }
                        return requireActiveOrganisation(invitation.organisationId).chain(() -> Person.activeByEmail(invitation.email))
                                .chain(existing -> {
                                    if (existing != null) {
                                        throw new NotAccepted(NotAccepted.Reason.ADDRESS_TAKEN);
                                    }
                                    Person person = new Person();
                                    person.personId = RandomValues.identifier();
                                    person.organisationId = invitation.organisationId;
                                    person.email = invitation.email;
                                    person.displayName = displayName.strip();
                                    person.passwordHash = hash;
                                    person.totpSecretIv = invitation.totpSecretIv;
                                    person.totpSecretCiphertext = invitation.totpSecretCiphertext;
                                    person.totpLastStep = step;
                                    person.roles = EnumSet.copyOf(invitation.roles);
                                    person.status = PersonStatus.ACTIVE;
                                    person.createdAt = Timestamps.now();
                                    person.updatedAt = person.createdAt;
                                    person.updatedBy = "invitation:" + invitation.invitationId;
                                    return person.<Person> persist().call(Panache::flush)
                                            .call(p -> Invitation.take(invitation.invitationId, p.personId, p.createdAt).invoke(taken -> {
                                                if (taken != 1) {
                                                    throw new LinkTaken();
                                                }
                                            }))
                                            .call(p -> AuditEvent.of(p.organisationId, "person:" + p.personId, AuditEvent.Action.INVITATION_ACCEPTED,
                                            p.personId, p.email + " with " + roleNames(p.roles) + ", second factor enrolled").persist());
                                });
                    })))
                    // The same link submitted twice at once: the second finds the address taken (the unique index) and
                    // is answered as a used link.
                    .onFailure(PersistenceFailures::isUniqueViolation).recoverWithNull()
                    // Taken by another acceptance, or closed by a newer link, meanwhile: the person made is rolled back.
                    // A reset person changed at the same moment: the link is taken too.
                    .onFailure(f -> f instanceof LinkTaken || PersistenceFailures.isStale(f)).recoverWithNull();
        });
    }

    @WithSession
    public Uni<List<Person>> list(long organisationId) {
        return requireOrganisation(organisationId).chain(() -> Person.activeOfOrganisation(organisationId));
    }

    public Uni<Person> changeRoles(long organisationId, String personId, Set<Role> roles, boolean byPlatformAdmin, String actor) {
        Set<Role> given = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        PersonRolePolicy.requireMayHold(organisationId, given);
        return Panache.withTransaction(() -> Person.<Person> findById(personId).call(found -> {
            Person person = requireOf(found, organisationId, personId);
            // Neither what is given nor what is taken may be a platform-wide role unless a platform admin does it.
            PersonRolePolicy.requireMayGive(byPlatformAdmin, given);
            PersonRolePolicy.requireMayGive(byPlatformAdmin, person.roles);
            return keepsAUserAdministrator(person, given, byPlatformAdmin).chain(() -> {
                String before = roleNames(person.roles);
                person.roles = given;
                person.updatedAt = Timestamps.now();
                person.updatedBy = actor;
                return AuditEvent.of(organisationId, actor, AuditEvent.Action.PERSON_ROLES_CHANGED, personId,
                        before + " to " + roleNames(given)).persist();
            });
        }))
                .onFailure(PersistenceFailures::isStale)
                .transform(e -> ProblemException.conflict("concurrent-change", "the person was changed at the same moment; try again"));
    }

    /**
     * The roles of the organisation's active persons before and after this person's change (null: removed). The
     * organisation's row is locked first, so that two such changes in one organisation are decided one after the other.
     */
    private static Uni<Void> keepsAUserAdministrator(Person person, Set<Role> after, boolean byPlatformAdmin) {
        return Organisation.<Organisation> findById(person.organisationId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> Person.activeOfOrganisation(person.organisationId)).invoke(persons -> {
                    List<Set<Role>> before = persons.stream().map(p -> p.roles).toList();
                    List<Set<Role>> changed = persons.stream()
                            .map(p -> p.personId.equals(person.personId) ? (after == null ? Set.<Role> of() : after) : p.roles).toList();
                    PersonRolePolicy.requireAUserAdministratorRemains(before, changed, byPlatformAdmin);
                    PersonRolePolicy.requireAPlatformAdminRemains(before, changed);
                }).replaceWithVoid();
    }

    public Uni<Person> remove(long organisationId, String personId, boolean byPlatformAdmin, String actor) {
        return Panache.withTransaction(() -> Person.<Person> findById(personId).call(found -> {
            Person person = requireOf(found, organisationId, personId);
            PersonRolePolicy.requireMayGive(byPlatformAdmin, person.roles);
            return keepsAUserAdministrator(person, null, byPlatformAdmin).chain(() -> {
                person.status = PersonStatus.REMOVED;
                person.updatedAt = Timestamps.now();
                person.updatedBy = actor;
                return AuditEvent.of(organisationId, actor, AuditEvent.Action.PERSON_REMOVED, personId, person.email).persist();
            });
        }))
                .onFailure(PersistenceFailures::isStale)
                .transform(e -> ProblemException.conflict("concurrent-change", "the person was changed at the same moment; try again"));
    }

    private static String roleNames(Set<Role> roles) {
        return String.join(" ", Role.claimValues(roles));
    }

    static Person requireOf(Person person, long organisationId, String personId) {
        if (person == null || person.organisationId != organisationId || !person.active()) {
            throw ProblemException.notFound("person " + personId);
        }
        return person;
    }

    private static Uni<Organisation> requireOrganisation(long organisationId) {
        return Organisation.byId(organisationId).map(organisation -> {
            if (organisation == null) {
                throw ProblemException.notFound("organisation " + organisationId);
            }
            return organisation;
        });
    }

    static Uni<Organisation> requireActiveOrganisation(long organisationId) {
        return requireOrganisation(organisationId).map(organisation -> {
            if (organisation.status != OrganisationStatus.ACTIVE) {
                throw ProblemException.conflict("organisation-suspended", "organisation " + organisationId + " is suspended");
            }
            return organisation;
        });
    }

    /** SHA-256, hex: a token of 256 random bits needs no salt or slow hash, only not to be stored as it is. */
    public static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
