package org.morgue.article;

import org.morgue.system.InvalidInputException;

/**
 * Input that cannot become an article, naming the field at fault and what to do about it.
 */
public class InvalidArticleException extends InvalidInputException {

	public InvalidArticleException(String field, String message) {
		super(field, message);
	}

}
