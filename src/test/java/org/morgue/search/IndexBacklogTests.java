package org.morgue.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.Eventually;
import org.morgue.MorgueApplication;
import org.morgue.TestDatabase;
import org.morgue.article.ArticleMetadata;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleService;
import org.morgue.article.BatchSave;
import org.morgue.article.NewArticle;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for the index to take what was published, as the {@code import} command does
 * before it exits. The archive has a database and files of its own, so the event
 * publication log holds only its own publications.
 */
class IndexBacklogTests {

	@TempDir
	Path files;

	@Test
	@Timeout(180)
	void aWaitEndsOnceTheIndexHoldsEveryImportedBatch() throws InterruptedException, IOException {
		try (ConfigurableApplicationContext archive = start()) {
			IndexMaintenance maintenance = archive.getBean(IndexMaintenance.class);
			Eventually.until(maintenance::status, status -> status.available() && !maintenance.busy(),
					Duration.ofSeconds(60));
			ArticleService articles = archive.getBean(ArticleService.class);
			IndexBacklog backlog = archive.getBean(IndexBacklog.class);

			// given: batches imported, each indexed after its commit on another thread
			List<Long> ids = new ArrayList<>();
			for (int batch = 0; batch < 4; batch++) {
				List<NewArticle> articlesOfBatch = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					articlesOfBatch.add(article("Batch " + batch + " story " + i + " " + UUID.randomUUID()));
				}
				articles.createAll(articlesOfBatch).stream().map(BatchSave::articleId).forEach(ids::add);
			}

			// when
			List<Integer> reported = new ArrayList<>();
			IndexBacklog.Count left = backlog.await(Duration.ZERO, reported::add);

			// then: nothing is left, and a searcher opened now finds every article
			assertThat(left).isEqualTo(new IndexBacklog.Count(0, 0));
			assertThat(reported).allSatisfy(waiting -> assertThat(waiting).isBetween(1, 4));
			ArticleIndex index = archive.getBean(ArticleIndex.class);
			index.serving().refresh();
			long found = index.read(searcher -> {
				long hits = 0;
				for (long id : ids) {
					try {
						hits += searcher.count(new TermQuery(ArticleFields.idTerm(id)));
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}
				return hits;
			}, -1L);
			assertThat(found).isEqualTo(ids.size());
		}
	}

	private ConfigurableApplicationContext start() {
		TestDatabase.Connection server = TestDatabase.connection();
		return new SpringApplicationBuilder(MorgueApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + TestDatabase.newDatabase("backlog"),
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.password=" + server.password(), "--morgue.data-dir=" + files.resolve("data"),
					"--morgue.ner.enabled=false", "--morgue.search.check-on-start=false");
	}

	private static NewArticle article(String title) {
		return new NewArticle(new ArticleMetadata(title, null, "AFP", null, null, null, null, "en"), false,
				List.of(ArticleParagraph.paragraph(title + " happened, officials said.")), null, title);
	}

}
