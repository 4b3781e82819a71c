package org.partnerplatform.sales.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A sale over REST: the same fields as a Kafka SaleRequest; the idempotency key travels in the Idempotency-Key header. */
public record SaleRequestBody(
        @Size(max = 100) String distributionChannelId,
        @NotNull @NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines,
        @Size(max = 200) String externalReference) {

    public record Line(
            @NotBlank @Pattern(regexp = "^[A-Z]{3}:[A-Za-z]+:[A-Za-z0-9_\\-]+$", message = "must be a NeTEx id <CODESPACE>:<Type>:<name>") String productId,
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z_]{1,31}$") String userProfile,
            @Min(1) @Max(100) int quantity) {
    }
}
