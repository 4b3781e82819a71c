package org.partnerplatform.token.rest;

import java.time.Duration;

/**
 * Optional: how long the previous secret keeps working (ISO-8601, e.g. "PT1H"), instead of the configured default
 * (platform.token.secret-rotation-grace), up to platform.token.secret-rotation-max-grace.
 */
public record RotateSecretRequest(Duration gracePeriod) {
}
