package org.morgue.web;

/**
 * One bar of the {@link Timeline}: a year or a month, and a link that narrows the search
 * to it.
 *
 * @param from the {@code from} parameter it sets, e.g. {@code 2022} or {@code 2022-08}
 * @param to the {@code to} parameter it sets
 * @param label the bar's name, e.g. "2022" or "Aug 2022", for the span shown while
 * dragging
 * @param tick the text under the bar, or {@code null} where bars are too many to label
 * each
 * @param year the year under a month's tick (January and the first bar), or {@code null}
 * @param description what the bar stands for, e.g. "2022: 41 articles"
 * @param height the bar's height in percent of the tallest
 * @param link the search narrowed to this year or month
 * @param selected whether the search is narrowed to exactly this year or month
 */
record TimelineBar(String from, String to, String label, String tick, String year, String description, long count,
		int height, String link, boolean selected) {
}
