package org.morgue.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search index, which lives in {@code ${morgue.data-dir}/index}.
 *
 * @param backend the engine that holds the index: {@code embedded} (the Lucene index on
 * this machine's disk) or {@code solrcloud}
 * @param maxStale how long a change may take at most to become searchable
 * @param commitInterval how often changes are committed to disk (changes not yet
 * committed when the process dies are repaired by the check at the next start)
 * @param ramBufferMb memory the index writer fills before writing a segment
 * @param rebuildBatchSize articles read from PostgreSQL at a time when rebuilding
 * @param rebuildThreads how many of the bulk threads ({@code morgue.threads.bulk}) index
 * at once during a rebuild; 0 for all
 * @param checkOnStart whether to compare the index with PostgreSQL at every start and
 * repair it
 * @param segmentsAfterRebuild a rebuilt index is merged down to at most this many
 * segments before it goes into service, so searches visit fewer of them; 0 leaves it as
 * built
 */
@ConfigurationProperties("morgue.search")
record SearchProperties(@DefaultValue("embedded") Backend backend, @DefaultValue("1s") Duration maxStale,
		@DefaultValue("30s") Duration commitInterval, @DefaultValue("64") int ramBufferMb,
		@DefaultValue("1000") int rebuildBatchSize, @DefaultValue("0") int rebuildThreads,
		@DefaultValue("true") boolean checkOnStart, @DefaultValue("5") int segmentsAfterRebuild) {

	/** The setting that chooses the backend. */
	static final String BACKEND = "morgue.search.backend";

	int effectiveRebuildThreads() {
		return (rebuildThreads > 0) ? rebuildThreads : Integer.MAX_VALUE;
	}

	/** The engines that can hold the index ({@link SearchBackend}). */
	enum Backend {

		/** The Lucene index in {@code ${morgue.data-dir}/index}: one machine. */
		EMBEDDED,

		/** A SolrCloud collection, shared by several archive nodes. */
		SOLRCLOUD

	}

}
