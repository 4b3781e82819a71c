package org.partnerplatform.catalog.service;

import org.partnerplatform.events.Patterns;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A new product. Its id, operator and codespace are its identity and never change afterwards. */
public record NewProduct(
        @NotNull @Size(max = 100) @Pattern(regexp = Patterns.NETEX_ID, message = Patterns.NETEX_ID_MESSAGE) String id,
        @NotNull @Positive Long operatorOrganisationId,
        @NotNull @Pattern(regexp = Patterns.CODESPACE, message = "must be three upper-case letters, e.g. VYG") String codespace,
        @NotNull @Valid ProductName name,
        String vatGroup,
        @Pattern(regexp = Patterns.RATE) String vatRate,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid PriceInput> prices,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = Patterns.CHANNEL) String> distributionChannels,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @Pattern(regexp = Patterns.TICKET_VALIDITY, message = "must be an ISO-8601 duration such as PT90M or P1D") String ticketValidity) implements ProductContent {

    public NewProduct withTicketValidity(String validity) {
        return new NewProduct(id, operatorOrganisationId, codespace, name, vatGroup, vatRate, prices, distributionChannels, validFrom, validTo, validity);
    }

    @Override
    public void checkConsistency(InvalidRequestException.Collector errors) {
        ProductContent.super.checkConsistency(errors);
        if (!id.startsWith(codespace + ":")) {
            errors.add("id", "must start with the product's codespace " + codespace + ":");
        }
    }
}
