package org.morgue.alert;

import java.time.Instant;

/**
 * A search a user saved.
 *
 * @param lastSeenAt when its owner last ran it (at first, when it was saved)
 */
public record SavedSearch(long id, String name, SavedQuery search, Instant createdAt, Instant lastSeenAt) {
}
