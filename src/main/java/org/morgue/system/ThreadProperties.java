package org.morgue.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many threads the archive's own pools have ({@link Workers}).
 *
 * @param search threads that search the index for requests; 0 or unset for one per core
 * @param bulk threads that long jobs (index rebuild, entity backlog, import preparation)
 * share; 0 or unset for one per core
 */
@ConfigurationProperties("morgue.threads")
record ThreadProperties(Integer search, Integer bulk) {

	int effectiveSearch() {
		return orCores(search);
	}

	int effectiveBulk() {
		return orCores(bulk);
	}

	private static int orCores(Integer threads) {
		return (threads != null && threads > 0) ? threads : Runtime.getRuntime().availableProcessors();
	}

}
