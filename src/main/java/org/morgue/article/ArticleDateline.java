package org.morgue.article;

/**
 * An article's dateline.
 *
 * @param text the dateline exactly as written in the copy, e.g.
 * {@code YANGON, Aug 3 (Reuters) -}
 * @param place the place as written, e.g. {@code YANGON}
 * @param placeDisplay the place as a reader should see it, e.g. {@code Yangon}
 */
public record ArticleDateline(String text, String place, String placeDisplay) {
}
