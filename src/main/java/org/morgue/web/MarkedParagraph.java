package org.morgue.web;

import java.util.ArrayList;
import java.util.List;

import org.morgue.article.ArticleParagraph;
import org.morgue.ner.EntityMention;

/**
 * A paragraph of an article cut into pieces of plain text and mentions of entities, for
 * the article page to mark (each piece is escaped when rendered).
 */
record MarkedParagraph(boolean subhead, List<Piece> pieces) {

	/**
	 * A piece of text; a mention when {@code entityId} is set.
	 *
	 * @param type the entity type in lower case ({@code person}, ...), for styling
	 */
	record Piece(String text, Long entityId, String type, String name) {

		public boolean mention() {
			return entityId != null;
		}

	}

	/**
	 * Marks the body mentions in the paragraphs. Body offsets count the paragraphs joined
	 * by a blank line, as the body is stored.
	 */
	static List<MarkedParagraph> mark(List<ArticleParagraph> paragraphs, List<EntityMention> mentions) {
		List<EntityMention> body = mentions.stream().filter(m -> m.field().equals("BODY")).toList();
		List<MarkedParagraph> marked = new ArrayList<>(paragraphs.size());
		int offset = 0;
		int next = 0;
		for (ArticleParagraph paragraph : paragraphs) {
			String text = paragraph.text();
			int end = offset + text.length();
			List<Piece> pieces = new ArrayList<>();
			int at = 0;
			while (next < body.size() && body.get(next).start() < end) {
				EntityMention mention = body.get(next++);
				int start = mention.start() - offset;
				int stop = Math.min(mention.end() - offset, text.length());
				if (start < at || start < 0) {
					// Overlaps the previous mark or began in an earlier paragraph: left
					// unmarked.
					continue;
				}
				if (start > at) {
					pieces.add(new Piece(text.substring(at, start), null, null, null));
				}
				pieces.add(new Piece(text.substring(start, stop), mention.entityId(),
						mention.type().name().toLowerCase(java.util.Locale.ROOT), mention.name()));
				at = stop;
			}
			if (at < text.length() || pieces.isEmpty()) {
				pieces.add(new Piece(text.substring(at), null, null, null));
			}
			marked.add(new MarkedParagraph(paragraph.subhead(), pieces));
			offset = end + 2;
		}
		return marked;
	}

}
