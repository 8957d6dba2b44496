package org.morgue.ingest;

/**
 * A dateline found at the start of a paragraph.
 *
 * @param dateline the dateline
 * @param rest the paragraph text after the dateline and its separator, leading whitespace
 * removed; empty when the dateline stood alone
 */
public record DatelineMatch(Dateline dateline, String rest) {
}
