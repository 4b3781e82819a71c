package org.partnerplatform.token.repository;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A person of an organisation who signs in with an e-mail address and a password (only its slow hash is kept). */
@Entity
@Table(name = "person")
// Only the changed columns: a change of roles or a reset does not write back the sign-in counters it read.
@DynamicUpdate
public class Person extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public String personId;
    @Column(name = "organisation_id")
    public long organisationId;
    /** Lower case: addresses are compared without case. */
    public String email;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "password_hash")
    public String passwordHash;
    @Convert(converter = RolesConverter.class)
    public Set<Role> roles;
    @Enumerated(EnumType.STRING)
    public PersonStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Who last changed the person: a person id or a client id. */
    @Column(name = "updated_by")
    public String updatedBy;
    /** The TOTP secret, sealed by the key-encryption key with the e-mail address as associated data. */
    @Column(name = "totp_secret_iv")
    public byte[] totpSecretIv;
    @Column(name = "totp_secret_ciphertext")
    public byte[] totpSecretCiphertext;
    /** The time step of the last code accepted; only a later one is accepted next. */
    @Column(name = "totp_last_step")
    public long totpLastStep;
    /** Wrong codes after the right password, in a row; at platform.token.persons.max-code-failures the factor is locked. */
    @Column(name = "totp_failures")
    public int totpFailures;
    /** Set when an administrator reset the person's sign-in; until they follow the reset's link they cannot sign in. */
    @Column(name = "sign_in_reset_at")
    public Instant signInResetAt;
    @Version
    public Long version;

    public static Uni<Person> activeByEmail(String email) {
        return find("email = ?1 and status = ?2", email, PersonStatus.ACTIVE).firstResult();
    }

    public static Uni<List<Person>> activeOfOrganisation(long organisationId) {
        return list("organisationId = ?1 and status = ?2 order by createdAt, personId", organisationId, PersonStatus.ACTIVE);
    }

    public boolean active() {
        return status == PersonStatus.ACTIVE;
    }

    /** Active, and not waiting for a reset of their sign-in: their password, codes and tokens count. */
    public boolean signsIn() {
        return active() && signInResetAt == null;
    }
}
