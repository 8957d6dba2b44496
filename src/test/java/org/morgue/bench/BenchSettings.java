package org.morgue.bench;

import java.nio.file.Path;

/**
 * The benchmark's settings, from {@code -Dbench.*} system properties (the {@code bench}
 * Maven profile passes them through to the test JVM). Paths are relative to the project
 * directory.
 *
 * @param articles articles in the corpus ({@code bench.articles}, 100000)
 * @param dir the data directory: database, index, record of earlier work
 * ({@code bench.dir}, {@code target/bench-data/<articles>}); reused by later runs with
 * the same count
 * @param reuters the Reuters-21578 directory ({@code bench.reuters},
 * {@code ../shared/data/news/reuters21578})
 * @param rebuild whether to rebuild an index that is already there, to measure the
 * rebuild ({@code bench.rebuild}, false)
 * @param warmup queries per class run before measuring ({@code bench.warmup}, 100)
 * @param queries queries per class measured with one client ({@code bench.queries}, 200)
 * @param clients concurrent client threads for the throughput figures
 * ({@code bench.clients}, 8)
 * @param clientQueries queries per class each of those clients runs
 * ({@code bench.clientQueries}, 50)
 * @param postgres whether to measure PostgreSQL's full-text search too
 * ({@code bench.postgres}, true)
 * @param pgQueries queries per class at most against PostgreSQL ({@code bench.pgQueries},
 * 200)
 * @param pgSeconds time per class after which PostgreSQL is not given more queries, once
 * it has run {@code pgMinQueries} ({@code bench.pgSeconds}, 120)
 * @param pgMinQueries queries per class PostgreSQL runs however long they take
 * ({@code bench.pgMinQueries}, 20)
 * @param report the Markdown file the figures go to ({@code bench.report},
 * {@code docs/benchmarks.md})
 */
record BenchSettings(long articles, Path dir, Path reuters, boolean rebuild, int warmup, int queries, int clients,
		int clientQueries, boolean postgres, int pgQueries, int pgSeconds, int pgMinQueries, Path report) {

	static BenchSettings fromSystemProperties() {
		long articles = Long.parseLong(property("bench.articles", "100000"));
		return new BenchSettings(articles, Path.of(property("bench.dir", "target/bench-data/" + articles)),
				Path.of(property("bench.reuters", "../shared/data/news/reuters21578")),
				Boolean.parseBoolean(property("bench.rebuild", "false")), integer("bench.warmup", 100),
				integer("bench.queries", 200), integer("bench.clients", 8), integer("bench.clientQueries", 50),
				Boolean.parseBoolean(property("bench.postgres", "true")), integer("bench.pgQueries", 200),
				integer("bench.pgSeconds", 120), integer("bench.pgMinQueries", 20),
				Path.of(property("bench.report", "docs/benchmarks.md")));
	}

	/**
	 * A property; blank counts as unset, since the Maven profile passes unset ones as
	 * empty.
	 */
	static String property(String name, String fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	static int integer(String name, int fallback) {
		return Integer.parseInt(property(name, Integer.toString(fallback)));
	}

}
