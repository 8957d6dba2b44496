package org.morgue.user;

/**
 * A token just created. {@code secret} is shown to its owner this once and never again.
 */
public record NewApiToken(ApiTokenSummary token, String secret) {
}
