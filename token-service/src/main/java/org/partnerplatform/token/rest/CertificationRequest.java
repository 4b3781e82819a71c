package org.partnerplatform.token.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.partnerplatform.token.repository.Certification;

/** A new certification, with a reference to the evidence it rests on (required for CERTIFIED). */
public record CertificationRequest(@NotNull Certification certification, @Size(max = 500) String evidenceReference) {
}
