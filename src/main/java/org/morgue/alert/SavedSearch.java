package org.morgue.alert;

import java.time.Instant;

import org.morgue.search.SearchCriteria;

/**
 * A search a user saved.
 *
 * @param search what it searches for, as written when it was saved
 * @param lastSeenAt when its owner last ran it (at first, when it was saved)
 */
public record SavedSearch(long id, String name, SearchCriteria search, Instant createdAt, Instant lastSeenAt) {
}
