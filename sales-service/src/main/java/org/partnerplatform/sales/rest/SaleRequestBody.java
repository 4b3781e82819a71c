package org.partnerplatform.sales.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnerplatform.events.Patterns;

/** A sale over REST: the same fields as a Kafka SaleRequest; the idempotency key travels in the Idempotency-Key header. */
public record SaleRequestBody(
        @Size(max = 100) String distributionChannelId,
        @NotNull @NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines,
        @Size(max = 200) String externalReference) {

    public record Line(
            @NotBlank @Pattern(regexp = Patterns.NETEX_ID, message = Patterns.NETEX_ID_MESSAGE) String productId,
            @NotBlank @Pattern(regexp = Patterns.USER_PROFILE) String userProfile,
            @Min(1) @Max(100) int quantity,
            @Schema(description = "The tickets are valid from the start of this day (Europe/Oslo); not with validFrom") LocalDate travelDate,
            @Schema(description = "The tickets are valid from this instant; not with travelDate. Neither: from the confirmation") Instant validFrom) {
    }
}
