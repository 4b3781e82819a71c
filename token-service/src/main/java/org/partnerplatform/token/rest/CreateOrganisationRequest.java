package org.partnerplatform.token.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.partnerplatform.token.repository.OrganisationType;

/** A new partner or operator; only operators have a codespace (three upper-case letters, e.g. VYG). */
public record CreateOrganisationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationType type,
        @Pattern(regexp = "[A-Z]{3}", message = "must be three upper-case letters") String codespace) {
}
