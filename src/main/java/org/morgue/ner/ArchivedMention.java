package org.morgue.ner;

/**
 * A mention as an export of the archive gives it, to be restored without running the
 * tagger again.
 *
 * @param field {@code TITLE}, {@code BODY} or {@code DATELINE}
 * @param start offset of the first UTF-16 code unit in that field's text
 * @param end offset just past the mention
 * @param surface the mention as written
 * @param type the entity's type
 * @param name the entity's name in the archive it came from
 */
public record ArchivedMention(String field, int start, int end, String surface, EntityType type, String name) {
}
