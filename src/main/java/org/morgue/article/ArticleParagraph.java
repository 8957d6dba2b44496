package org.morgue.article;

/**
 * One block of an article's cleaned body: a paragraph of the story, or a subhead (a
 * crosshead in the copy) that introduces the paragraphs after it.
 */
public record ArticleParagraph(String text, boolean subhead) {

	public static ArticleParagraph paragraph(String text) {
		return new ArticleParagraph(text, false);
	}

	public static ArticleParagraph subhead(String text) {
		return new ArticleParagraph(text, true);
	}

}
