package org.morgue.user;

import java.time.Instant;

/**
 * A user as others see it: never the password.
 */
public record UserSummary(long id, String username, Role role, boolean enabled, Instant createdAt, String createdBy) {
}
