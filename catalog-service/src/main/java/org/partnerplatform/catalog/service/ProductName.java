package org.partnerplatform.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A product's name in Norwegian bokmål (required) and English. */
public record ProductName(@NotBlank @Size(max = 200) String nb, @Size(max = 200) String en) {
}
