package org.morgue.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.morgue.Eventually;
import org.morgue.MorgueApplication;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.system.WorkProgress;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;

/**
 * The index survives what happens to real archives: a failure between the database commit
 * and the index update, a lost index, an index that drifted from PostgreSQL.
 * <p>
 * A contract every search backend keeps: a subclass per backend gives the settings that
 * choose it and says how its index is lost.
 */
abstract class IndexRecoveryContract {

	@TempDir
	Path dataDir;

	/** The settings that choose the backend, as command-line arguments. */
	abstract List<String> backendArguments();

	/** Loses the whole index of the archive of {@link #dataDir}, which is stopped. */
	abstract void loseIndex() throws IOException;

	@Test
	void anArticleSavedWhileIndexingFailsIsIndexedAfterARestart() {
		String word = "rc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long id;
		// given: an archive whose index fails on every update
		try (ConfigurableApplicationContext first = start(true, "--morgue.search.check-on-start=false")) {
			id = save(first, "A story saved while the index was failing: " + word + ".");
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			Eventually.until(() -> incomplete(jdbc, id), count -> count > 0);
			assertThat(search(first, word).total()).isZero();
		}

		// when: it starts again, without the failure and without its start-up consistency
		// check, so
		// only the event publication log can bring the article into the index
		try (ConfigurableApplicationContext second = start(false, "--morgue.search.check-on-start=false")) {
			// then
			SearchResult found = Eventually.until(() -> search(second, word), result -> result.total() == 1);
			assertThat(found.hits().get(0).id()).isEqualTo(id);
			Eventually.until(() -> incomplete(second.getBean(JdbcTemplate.class), id), count -> count == 0);
			// and: completed publications leave the log, which holds only unfinished work
			Eventually.until(() -> publications(second.getBean(JdbcTemplate.class), id), count -> count == 0,
					java.time.Duration.ofSeconds(60));
		}
	}

	@Test
	void aMissingIndexIsRebuiltFromPostgresql() throws IOException {
		String word = "mi" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (ConfigurableApplicationContext first = start(false)) {
			save(first, "A story that outlives its index: " + word + ".");
			Eventually.until(() -> search(first, word).total(), total -> total == 1);
		}
		loseIndex();

		try (ConfigurableApplicationContext second = start(false)) {
			Eventually.until(() -> search(second, word).total(), total -> total == 1);
			IndexStatus status = second.getBean(IndexMaintenance.class).status();
			assertThat(status.rebuild().state()).isEqualTo(WorkProgress.State.DONE);
			assertThat(status.rebuild().reason()).contains("no search index");
			assertThat(status.rebuild().done()).isEqualTo(status.rebuild().total());
		}
	}

	@Test
	void theConsistencyCheckRepairsAnIndexThatDrifted() {
		String word = "cc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (ConfigurableApplicationContext context = start(false)) {
			long id = save(context, "A story the index will lose: " + word + ".");
			Eventually.until(() -> search(context, word).total(), total -> total == 1);
			SearchBackend index = context.getBean(SearchBackend.class);
			IndexMaintenance maintenance = context.getBean(IndexMaintenance.class);
			Eventually.until(maintenance::busy, busy -> !busy);

			// given: the index lost the article and holds one that PostgreSQL does not
			index.delete(id, true);
			index.update(new IndexedArticle(new org.morgue.article.ArticleContent(Long.MAX_VALUE - 7, 0,
					"Ghost " + word, "Ghost body", null, null, null, null, null, null), java.util.List.of()), true);
			assertThat(search(context, word).hits()).extracting(SearchHit::id).doesNotContain(id);

			// when
			ConsistencyReport report = maintenance.checkAndRepair();

			// then
			assertThat(report.missing()).isEqualTo(1);
			assertThat(report.extra()).isEqualTo(1);
			assertThat(search(context, word).hits()).extracting(SearchHit::id).containsExactly(id);
			assertThat(maintenance.checkAndRepair().wasConsistent()).isTrue();
		}
	}

	ConfigurableApplicationContext start(boolean failingIndex, String... arguments) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(MorgueApplication.class)
			.properties("server.port=0", "morgue.data-dir=" + dataDir);
		if (failingIndex) {
			builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new FailingIndex()));
		}
		List<String> all = new ArrayList<>(backendArguments());
		all.addAll(List.of(arguments));
		return builder.run(all.toArray(String[]::new));
	}

	static long save(ConfigurableApplicationContext context, String copy) {
		return context.getBean(IngestService.class).ingestCopy(copy, CopyCorrections.none()).article().id();
	}

	static SearchResult search(ConfigurableApplicationContext context, String query) {
		return context.getBean(ArticleSearch.class).search(SearchRequest.of(query));
	}

	/** Publications of events about this article whose listeners have not completed. */
	static long incomplete(JdbcTemplate jdbc, long articleId) {
		return jdbc.queryForObject("""
				select count(*) from event_publication
				where completion_date is null and serialized_event like ?""", Long.class,
				"%\"articleId\":" + articleId + "}%");
	}

	/** Publications of events about this article, completed or not. */
	private static long publications(JdbcTemplate jdbc, long articleId) {
		return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Long.class,
				"%\"articleId\":" + articleId + "}%");
	}

	static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** Makes the backend fail every update, as a full disk would. */
	static final class FailingIndex implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof SearchBackend backend) {
				SearchBackend failing = Mockito.spy(backend);
				Mockito.doThrow(new IllegalStateException("No space left on device"))
					.when(failing)
					.update(any(), anyBoolean());
				return failing;
			}
			return bean;
		}

	}

}
