package org.morgue.alert;

/**
 * A saved search with how many of its matches the archive received since its owner last
 * ran it.
 *
 * @param newMatches that count, or -1 while it cannot be counted (the index is being
 * built, or the search no longer reads, e.g. a name it filters on is gone)
 */
public record SavedSearchStatus(SavedSearch savedSearch, long newMatches) {
}
