package org.partnerplatform.token.rest;

import jakarta.validation.constraints.Size;

/** Why an organisation is suspended or reinstated; required for a suspension, and published with the change. */
public record StatusChangeRequest(@Size(max = 500) String reason) {
}
