package org.morgue.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.morgue.bench.BenchQueries.BenchQuery;
import org.morgue.bench.BenchQueries.QueryClass;

/**
 * Several clients at once, each running its own queries of one class back to back:
 * throughput and the latencies seen meanwhile.
 */
final class Clients {

	/** One query as a client runs it, answering its number of hits. */
	interface Search {

		long hits(BenchQuery query) throws Exception;

	}

	private Clients() {
	}

	/**
	 * @param seed the first client's queries are drawn with this seed, the next with the
	 * next, and so on
	 */
	static BenchReport.Throughput run(BenchQueries queries, QueryClass kind, int clients, int perClient, long seed,
			Search search) throws Exception {
		Latencies latencies = new Latencies();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> running = new ArrayList<>();
			long started = System.nanoTime();
			for (int client = 0; client < clients; client++) {
				List<BenchQuery> own = queries.sample(kind, perClient, seed + client);
				running.add(pool.submit(() -> {
					for (BenchQuery query : own) {
						long at = System.nanoTime();
						long hits = search.hits(query);
						latencies.add(System.nanoTime() - at, hits);
					}
					return null;
				}));
			}
			for (Future<?> one : running) {
				one.get();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			return new BenchReport.Throughput(latencies.count() / seconds, latencies);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
