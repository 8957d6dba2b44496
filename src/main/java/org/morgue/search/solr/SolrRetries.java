package org.morgue.search.solr;

import java.io.IOException;
import java.time.Duration;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries SolrCloud requests through the moments a cluster is changing: when a node
 * stops, CloudSolrClient's cached cluster state may still send an update to the leader
 * that is gone, and the remaining replica needs a moment to be elected. Such failures (no
 * connection, a 5xx, 429) are retried with a growing pause until {@code patience} has
 * passed; a request Solr refuses (4xx, such as a field the schema lacks) fails at once.
 * Only for idempotent requests: adding a document by id, deleting by id, searching.
 */
final class SolrRetries {

	private static final Logger logger = LoggerFactory.getLogger(SolrRetries.class);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

	private final Duration patience;

	SolrRetries(Duration patience) {
		this.patience = patience;
	}

	/** A request to Solr. */
	@FunctionalInterface
	interface SolrCall<T> {

		T call() throws SolrServerException, IOException;

	}

	/**
	 * Runs a request, again after a pause while it fails in a way that passes.
	 * @throws InterruptedException if interrupted while pausing
	 */
	<T> T call(SolrCall<T> call) throws SolrServerException, IOException, InterruptedException {
		long deadline = System.nanoTime() + this.patience.toNanos();
		Duration pause = FIRST_PAUSE;
		while (true) {
			try {
				return call.call();
			}
			catch (SolrServerException | IOException | SolrException ex) {
				if (!retryable(ex) || System.nanoTime() + pause.toNanos() > deadline) {
					throw ex;
				}
				logger.info("SolrCloud request failed ({}); retrying in {} ms", ex.getMessage(), pause.toMillis());
				Thread.sleep(pause.toMillis());
				pause = (pause.compareTo(LONGEST_PAUSE.dividedBy(2)) < 0) ? pause.multipliedBy(2) : LONGEST_PAUSE;
			}
		}
	}

	/** Whether a failure may pass when the request is made again. */
	static boolean retryable(Throwable failure) {
		if (failure instanceof CloudSolrClient.RouteException route) {
			NamedList<Throwable> causes = route.getThrowables();
			if (causes == null || causes.size() == 0) {
				return retryable(route.code());
			}
			for (int i = 0; i < causes.size(); i++) {
				if (!retryable(causes.getVal(i))) {
					return false;
				}
			}
			return true;
		}
		if (failure instanceof SolrException solr) {
			return retryable(solr.code());
		}
		return failure instanceof SolrServerException || failure instanceof IOException;
	}

	private static boolean retryable(int code) {
		return code < 400 || code == 429 || code >= 500;
	}

}
