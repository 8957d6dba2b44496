package org.morgue.ner;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of entity extraction, under {@code morgue.ner}.
 *
 * @param enabled whether saved articles are analysed at all
 * @param backlogOnStart look for articles that were never analysed (or by an older
 * extractor) at every start and work them off in the background
 * @param backlogThreads how many of the bulk threads ({@code morgue.threads.bulk}) work
 * off a backlog at once; 0 for all
 */
@ConfigurationProperties("morgue.ner")
record NerProperties(Boolean enabled, Boolean backlogOnStart, Integer backlogThreads) {

	public NerProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		backlogOnStart = (backlogOnStart != null) ? backlogOnStart : Boolean.TRUE;
		backlogThreads = (backlogThreads != null) ? backlogThreads : 0;
	}

	int threads() {
		return (backlogThreads > 0) ? backlogThreads : Integer.MAX_VALUE;
	}

}
