package org.morgue.ner;

/**
 * One mention in an article, for marking it in the text.
 *
 * @param field where the mention is: {@code TITLE}, {@code BODY} or {@code DATELINE} (the
 * dateline place)
 * @param start offset of the first UTF-16 code unit in that field's text
 * @param end offset just past the mention
 * @param surface the mention as written
 */
public record EntityMention(long entityId, String name, EntityType type, String field, int start, int end,
		String surface) {
}
