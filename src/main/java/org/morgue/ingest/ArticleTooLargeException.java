package org.morgue.ingest;

import org.morgue.article.InvalidArticleException;

/**
 * The body is over the configured limit ({@code morgue.ingest.max-body-bytes}).
 */
public class ArticleTooLargeException extends InvalidArticleException {

	public ArticleTooLargeException(String field, long limitBytes) {
		super(field, "The " + field + " is larger than the archive accepts (" + limitBytes
				+ " bytes, morgue.ingest.max-body-bytes).");
	}

}
