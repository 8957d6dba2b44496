package org.morgue.article;

/**
 * Input that cannot become an article, naming the field at fault and what to do about it.
 */
public class InvalidArticleException extends RuntimeException {

	private final String field;

	public InvalidArticleException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The name of the field at fault, as clients send it ({@code body}, {@code publishedAt}, ...). */
	public String field() {
		return field;
	}

}
