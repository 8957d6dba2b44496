package org.morgue.search;

/**
 * A facet value and how many matching articles have it.
 */
public record FacetCount(String value, long count) {
}
