package org.morgue.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.morgue.Eventually;
import org.morgue.MorgueApplication;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.system.WorkProgress;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;

/**
 * The index survives what happens to real archives: a failure between the database commit
 * and the index update, a lost index directory, an index of an older schema.
 */
class IndexRecoveryTests {

	@TempDir
	Path dataDir;

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
		deleteRecursively(dataDir.resolve("index"));

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
			ArticleIndex index = context.getBean(ArticleIndex.class);
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

	@Test
	void aRepairIsOnDiskAtOnceSoThatAnotherPowerCutDoesNotUndoIt() throws IOException {
		String word = "rp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		// given: no scheduled commit during the test, as when power fails again soon
		try (ConfigurableApplicationContext context = start(false, "--morgue.search.commit-interval=1h")) {
			// (saved after the first index is built, which commits what it holds)
			IndexMaintenance maintenance = context.getBean(IndexMaintenance.class);
			Eventually.until(maintenance::busy, busy -> !busy);
			long id = save(context, "A story the index loses and gets back: " + word + ".");
			Eventually.until(() -> search(context, word).total(), total -> total == 1);
			ArticleIndex index = context.getBean(ArticleIndex.class);
			index.delete(id, true);

			// when
			ConsistencyReport report = maintenance.checkAndRepair();

			// then: the repaired article is in the index's last commit, which is what a
			// start after a power cut opens
			assertThat(report.missing()).isEqualTo(1);
			try (Directory directory = FSDirectory.open(index.serving().path());
					DirectoryReader committed = DirectoryReader.open(directory)) {
				assertThat(new IndexSearcher(committed).count(new TermQuery(ArticleFields.idTerm(id)))).isEqualTo(1);
			}
		}
	}

	@Test
	void afterAPowerCutTheIndexIsCheckedEvenWithoutTheStartUpCheck() throws IOException, InterruptedException {
		String word = "pc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Path cut = dataDir.resolveSibling(dataDir.getFileName() + "-cut");
		long id;
		try (ConfigurableApplicationContext first = start(false, "--morgue.search.commit-interval=1h",
				"--morgue.search.check-on-start=false")) {
			IndexMaintenance maintenance = first.getBean(IndexMaintenance.class);
			Eventually.until(maintenance::busy, busy -> !busy);
			id = save(first, "A story indexed but not yet committed when the power goes: " + word + ".");
			Eventually.until(() -> search(first, word).total(), total -> total == 1);
			Eventually.until(() -> incomplete(first.getBean(JdbcTemplate.class), id), count -> count == 0);
			// given: the index as a power cut now would leave it on disk: its last
			// commit,
			// without the story, and the mark of an index left open
			copyRecursively(dataDir.resolve("index"), cut);
		}
		deleteRecursively(dataDir.resolve("index"));
		Files.move(cut, dataDir.resolve("index"));

		// when: the archive starts again, its start-up check turned off
		try (ConfigurableApplicationContext second = start(false, "--morgue.search.check-on-start=false")) {
			// then: the index was not closed, so it is checked, and the story is back
			SearchResult found = Eventually.until(() -> search(second, word), result -> result.total() == 1,
					java.time.Duration.ofSeconds(60));
			assertThat(found.hits().get(0).id()).isEqualTo(id);
		}

		// and a start after a clean stop does not check
		try (ConfigurableApplicationContext third = start(false, "--morgue.search.check-on-start=false")) {
			Thread.sleep(2000);
			assertThat(third.getBean(IndexMaintenance.class).status().lastCheck()).isNull();
		}
	}

	private static void copyRecursively(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Files.copy(path, to.resolve(from.relativize(path).toString()));
			}
		}
	}

	private ConfigurableApplicationContext start(boolean failingIndex, String... arguments) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(MorgueApplication.class)
			.properties("server.port=0", "morgue.data-dir=" + dataDir);
		if (failingIndex) {
			builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new FailingIndex()));
		}
		return builder.run(arguments);
	}

	private static long save(ConfigurableApplicationContext context, String copy) {
		return context.getBean(IngestService.class).ingestCopy(copy, CopyCorrections.none()).article().id();
	}

	private static SearchResult search(ConfigurableApplicationContext context, String query) {
		return context.getBean(ArticleSearch.class).search(SearchRequest.of(query));
	}

	/** Publications of events about this article whose listeners have not completed. */
	private static long incomplete(JdbcTemplate jdbc, long articleId) {
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

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** Makes the index fail every update, as a full disk would. */
	static final class FailingIndex implements DestructionAwareBeanPostProcessor {

		private ArticleIndex failing;

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof ArticleIndex index) {
				failing = Mockito.spy(index);
				Mockito.doThrow(new IllegalStateException("No space left on device"))
					.when(failing)
					.update(any(), anyBoolean());
				return failing;
			}
			return bean;
		}

		/**
		 * Spring closes the index it created, not the spy that opened the index files in
		 * its place: the spy closes them, as the end of the archive's process would, for
		 * the next archive to open.
		 */
		@Override
		public void postProcessBeforeDestruction(Object bean, String beanName) throws BeansException {
			if (bean instanceof ArticleIndex && failing != null) {
				try {
					failing.close();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
		}

	}

}
