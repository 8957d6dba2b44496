package org.morgue.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery contract on the embedded Lucene index, and what only an index on this
 * machine's disk goes through: a power cut that leaves its last commit behind.
 */
class IndexRecoveryTests extends IndexRecoveryContract {

	@Override
	List<String> backendArguments() {
		return List.of("--morgue.search.backend=embedded");
	}

	@Override
	void loseIndex() throws IOException {
		deleteRecursively(dataDir.resolve("index"));
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

}
