package org.partnerplatform.token.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnerplatform.token.repository.Invitation;
import org.partnerplatform.token.repository.Person;
import org.partnerplatform.token.repository.Role;

/** The bodies of the persons API. A person is read back without any trace of their password. */
final class PersonViews {
    private PersonViews() {
    }

    record InvitationRequest(@NotNull @Size(max = 254) String email, @NotEmpty Set<@NotNull Role> roles) {
    }

    record RolesRequest(@NotEmpty Set<@NotNull Role> roles) {
    }

    record InvitationView(String invitationId, long organisationId, String email, List<String> roles, String invitedBy,
            Instant createdAt, Instant expiresAt,
            @Schema(description = "The person whose sign-in this link resets; null for an invitation of a new person") String resetsPersonId,
            @Schema(description = "The one-time link to hand to the person; shown only in this answer") String link) {

        static InvitationView of(Invitation i, String link) {
            return new InvitationView(i.invitationId, i.organisationId, i.email, Role.claimValues(i.roles), i.invitedBy, i.createdAt,
                    i.expiresAt, i.resetsPersonId, link);
        }

        @Override
        public String toString() {
            return "InvitationView[invitationId=" + invitationId + ", email=" + email + ", link=***]";
        }
    }

    record PersonView(String personId, long organisationId, String email, String displayName, List<String> roles, Instant createdAt,
            Instant updatedAt, String updatedBy,
            @Schema(description = "When an administrator reset their sign-in, until they set a new password and second factor") Instant signInResetAt) {

        static PersonView of(Person p) {
            return new PersonView(p.personId, p.organisationId, p.email, p.displayName, Role.claimValues(p.roles), p.createdAt, p.updatedAt,
                    p.updatedBy, p.signInResetAt);
        }
    }
}
