package org.morgue.ner;

/**
 * One mention found in a text.
 *
 * @param text the mention as written: always {@code analysedText.substring(start, end)}
 * @param start offset of the first UTF-16 code unit in the analysed text (as JavaScript
 * counts)
 * @param end offset just past the mention
 * @param canonical the full name the mention stands for within the text: {@code Lavrov}
 * is {@code Sergei Lavrov}, {@code NLD} is {@code National League for Democracy} when the
 * text spells it out; otherwise the mention's own text
 */
record ExtractedEntity(String text, EntityType type, int start, int end, String canonical) {
}
