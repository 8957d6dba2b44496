package org.morgue.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.ArticleContent;
import org.morgue.system.MorgueProperties;
import org.morgue.system.Workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index owner on a temporary directory: an index of an older schema keeps answering
 * until its replacement is built, and then gives way.
 */
class ArticleIndexTests {

	@TempDir
	Path dataDir;

	private final Workers workers = new Workers(2, 1);

	@AfterEach
	void stopWorkers() throws InterruptedException {
		workers.close();
	}

	private final SearchProperties properties = new SearchProperties(SearchProperties.Backend.EMBEDDED,
			Duration.ofMillis(200), Duration.ofSeconds(30), 16, 100, 1, false, 5);

	@Test
	void startsEmptyAndAsksForARebuildWhenThereIsNoIndex() throws IOException {
		ArticleIndex index = new ArticleIndex(new MorgueProperties(dataDir, null), properties, workers);
		try {
			assertThat(index.available()).isFalse();
			assertThat(index.rebuildReason()).contains("no search index");
			assertThat(index.read(searcher -> "searched", "unavailable")).isEqualTo("unavailable");
		}
		finally {
			index.close();
		}
	}

	@Test
	void anOlderSchemaKeepsAnsweringUntilTheRebuiltIndexTakesOver() throws IOException {
		// given: an index written by an older version of Morgue
		Path root = dataDir.resolve("index");
		Path old = root.resolve("v0-1");
		Files.createDirectories(old);
		try (IndexWriter writer = new IndexWriter(FSDirectory.open(old),
				new IndexWriterConfig(ArticleAnalyzers.INDEX))) {
			writer.addDocument(ArticleFields.document(new IndexedArticle(article(1, "old"), List.of())));
			writer.setLiveCommitData(Map.of(IndexHandle.SCHEMA_KEY, "0").entrySet());
			writer.commit();
		}
		Files.writeString(root.resolve("CURRENT"), "v0-1");

		ArticleIndex index = new ArticleIndex(new MorgueProperties(dataDir, null), properties, workers);
		try {
			// then: it answers from the old index and knows it must be rebuilt
			assertThat(index.rebuildReason()).contains("schema version 0");
			assertThat(index.read(searcher -> searcher.getIndexReader().numDocs(), -1)).isEqualTo(1);

			// when: a rebuild writes a new index, and a change arrives meanwhile
			IndexHandle building = index.beginBuild();
			building.update(2, ArticleFields.document(new IndexedArticle(article(2, "rebuilt"), List.of())));
			index.update(new IndexedArticle(article(3, "saved during the rebuild"), List.of()), false);
			assertThat(index.read(searcher -> searcher.getIndexReader().numDocs(), -1)).isEqualTo(1);
			index.completeBuild(building);

			// then: the new index serves, with both, and the old one is gone
			assertThat(index.read(searcher -> searcher.getIndexReader().numDocs(), -1)).isEqualTo(2);
			assertThat(index.rebuildReason()).isNull();
			assertThat(Files.readString(root.resolve("CURRENT"))).startsWith("v" + ArticleFields.SCHEMA_VERSION + "-");
			assertThat(old).doesNotExist();
		}
		finally {
			index.close();
		}

		// and it opens again as it was left
		ArticleIndex reopened = new ArticleIndex(new MorgueProperties(dataDir, null), properties, workers);
		try {
			assertThat(reopened.rebuildReason()).isNull();
			assertThat(reopened.read(searcher -> searcher.getIndexReader().numDocs(), -1)).isEqualTo(2);
		}
		finally {
			reopened.close();
		}
	}

	@Test
	void anUnreadableIndexIsSetAsideForARebuild() throws IOException {
		Path root = dataDir.resolve("index");
		Path broken = root.resolve("v1-1");
		Files.createDirectories(broken);
		Files.writeString(broken.resolve("segments_1"), "not an index");
		Files.writeString(root.resolve("CURRENT"), "v1-1");

		ArticleIndex index = new ArticleIndex(new MorgueProperties(dataDir, null), properties, workers);
		try {
			assertThat(index.available()).isFalse();
			assertThat(index.rebuildReason()).contains("could not be opened");
		}
		finally {
			index.close();
		}
	}

	@Test
	void anIndexInUseByAnotherWriterIsNeitherOpenedNorSetAside() throws IOException {
		// given: an index in service, its writer holding the directory's lock
		ArticleIndex index = new ArticleIndex(new MorgueProperties(dataDir, null), properties, workers);
		try {
			index.completeBuild(index.beginBuild());
			index.update(new IndexedArticle(article(1, "kept"), List.of()), false);
			String current = Files.readString(dataDir.resolve("index").resolve("CURRENT"));

			// when: another archive opens the same directory, then
			assertThatThrownBy(() -> new ArticleIndex(new MorgueProperties(dataDir, null), properties, workers))
				.isInstanceOf(IndexInUseException.class)
				.hasMessageContaining("in use by another process");

			// and the index stays as it was, in service
			assertThat(Files.readString(dataDir.resolve("index").resolve("CURRENT"))).isEqualTo(current);
			index.serving().refresh();
			assertThat(index.read(searcher -> searcher.getIndexReader().numDocs(), -1)).isEqualTo(1);
		}
		finally {
			index.close();
		}
	}

	private static ArticleContent article(long id, String word) {
		return new ArticleContent(id, 0, "Title " + word, "Body " + word, null, "AFP", null, null, null, null);
	}

}
