package org.morgue.ingest;

/**
 * A parsed byline.
 *
 * @param byline the author(s) or agency in display case, e.g. {@code "Jane Doe"},
 * {@code "AFP"}
 * @param source the canonical agency or publisher named by the line, e.g.
 * {@code "Reuters"}; {@code null} unless the line names a known agency
 */
record Byline(String byline, String source) {
}
