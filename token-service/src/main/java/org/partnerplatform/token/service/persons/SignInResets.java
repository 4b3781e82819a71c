package org.partnerplatform.token.service.persons;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.messaging.tx.PersistenceFailures;
import org.partnerplatform.token.repository.AuditEvent;
import org.partnerplatform.token.repository.Invitation;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.Timestamps;
import org.partnerplatform.token.service.RandomValues;
import org.partnerplatform.web.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * An administrator resets a person's sign-in when they forgot their password or lost their phone: at once neither
 * the old password nor the old second factor signs in (and token-service refuses the person's tokens), and the
 * person gets a one-time link, handed over as an invitation's is, where they set a new password and enrol a new
 * second factor. They stay the same person, with their roles and their history in the audit log.
 */
@ApplicationScoped
public class SignInResets {
    private final PersonService persons;

    public SignInResets(PersonService persons) {
        this.persons = persons;
    }

    public Uni<PersonService.NewInvitation> reset(long organisationId, String personId, boolean byPlatformAdmin, String actor) {
        String token = RandomValues.secret();
        return Panache.withTransaction(() -> PersonService.requireActiveOrganisation(organisationId)
                .chain(() -> Person.<Person> findById(personId))
                .chain(found -> {
                    Person person = PersonService.requireOf(found, organisationId, personId);
                    // Platform admins' sign-in is reset by platform admins only, as their roles are given.
                    PersonRolePolicy.requireMayGive(byPlatformAdmin, person.roles);
                    Instant now = Timestamps.now();
                    person.signInResetAt = now;
                    person.updatedAt = now;
                    person.updatedBy = actor;
                    Invitation invitation = persons.newInvitation(organisationId, person.email, person.roles, actor, token);
                    invitation.resetsPersonId = personId;
                    // Only the newest link resets: one handed to the wrong person can be replaced.
                    return Invitation.update("expiresAt = ?1 where resetsPersonId = ?2 and acceptedAt is null and expiresAt > ?1", now, personId)
                            .chain(() -> invitation.<Invitation> persist())
                            .call(i -> AuditEvent.of(organisationId, actor, AuditEvent.Action.PERSON_SIGN_IN_RESET, personId,
                                    person.email + ": the old password and second factor no longer sign in; a one-time link until "
                                            + i.expiresAt).persist());
                }))
                .onFailure(PersistenceFailures::isStale)
                .transform(e -> ProblemException.conflict("concurrent-change", "the person was changed at the same moment; try again"))
                .map(invitation -> new PersonService.NewInvitation(invitation, token));
    }

    /**
     * Within the acceptance's transaction: the reset person gets the new password and second factor (and their old
     * failures are forgotten), and keeps their name; null when the link was taken by another acceptance or the person removed meanwhile.
     */
    static Uni<Person> complete(Invitation invitation, String passwordHash, long step) {
        Instant now = Timestamps.now();
        return Invitation.take(invitation.invitationId, invitation.resetsPersonId, now).chain(taken -> taken != 1 ? Uni.createFrom().<Person> nullItem()
                        : Person.<Person> findById(invitation.resetsPersonId).chain(person -> {
                            if (person == null || !person.active()) {
                                return Uni.createFrom().<Person> nullItem();
                            }
                            person.passwordHash = passwordHash;
                            KeyEncryption.Sealed secret = new KeyEncryption.Sealed(invitation.totpSecretIv, invitation.totpSecretCiphertext);
                            person.totpSecretIv = secret.iv();
                            person.totpSecretCiphertext = secret.ciphertext();
                            person.totpLastStep = step;
                            person.totpFailures = 0;
                            person.signInResetAt = null;
                            person.updatedAt = now;
                            person.updatedBy = "invitation:" + invitation.invitationId;
                            return AuditEvent.of(person.organisationId, "person:" + person.personId, AuditEvent.Action.INVITATION_ACCEPTED,
                                    person.personId, person.email + ": sign-in reset, new password and second factor enrolled").persist()
                                    .replaceWith(person);
                        }));
    }
}
