package org.partnerplatform.token.rest;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.partnerplatform.token.repository.Role;

/** A new client: its name follows the hub's ET-Client-Name convention, {@code <company>-<application>}. */
public record CreateClientRequest(
        @NotNull @Size(min = 3, max = 100)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)+", message = "must be <company>-<application>: lower-case letters, digits and single hyphens")
        String name,
        @NotEmpty Set<@NotNull Role> roles) {
}
