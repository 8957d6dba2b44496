package org.morgue.ner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.Eventually;
import org.morgue.MorgueApplication;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.system.WorkProgress;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction loses no work: an article saved while the tagger fails is analysed after a
 * restart, and articles stored while extraction was off are worked off as a backlog, with
 * progress.
 */
class EntityRecoveryTests {

	private static final Duration ANALYSIS = Duration.ofSeconds(60);

	@TempDir
	Path dataDir;

	@Test
	void anArticleSavedWhileExtractionFailsIsAnalysedAfterARestart() {
		String marker = "er" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long id;
		// given: an archive whose tagger fails on every article, and no backlog run at
		// start
		try (ConfigurableApplicationContext first = start(true, "--morgue.ner.backlog-on-start=false")) {
			id = save(first, "Sergei Lavrov flew to Naypyidaw, " + marker + " officials said.");
			EntityService entities = first.getBean(EntityService.class);
			// the search index has it at once; entities never come
			Eventually.until(() -> first.getBean(org.morgue.search.ArticleSearch.class)
				.search(org.morgue.search.SearchRequest.of(marker))
				.total(), total -> total == 1);
			assertThat(entities.mentionsOf(id)).isEmpty();
		}

		// when: it starts again with a working tagger, still without a backlog run, so
		// that only the
		// event publication log can bring the analysis about
		try (ConfigurableApplicationContext second = start(false, "--morgue.ner.backlog-on-start=false")) {
			EntityService entities = second.getBean(EntityService.class);
			// then
			List<EntityMention> mentions = Eventually.until(() -> entities.mentionsOf(id), found -> !found.isEmpty(),
					ANALYSIS);
			assertThat(mentions).extracting(EntityMention::name).contains("Sergei Lavrov");
		}
	}

	@Test
	void articlesStoredWhileExtractionWasOffAreWorkedOffAsABacklog() {
		String marker = "bl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long[] ids = new long[3];
		// given: three articles stored with extraction switched off
		try (ConfigurableApplicationContext first = start(false, "--morgue.ner.enabled=false")) {
			ids[0] = save(first, "Hun Sen met Sergei Lavrov in Phnom Penh, " + marker + " said.");
			ids[1] = save(first, "Aung San Suu Kyi remains in prison in Naypyidaw, " + marker + " reported.");
			ids[2] = save(first, "The National League for Democracy (NLD) was dissolved, " + marker + " wrote.");
			assertThat(first.getBean(EntityService.class).isAnalysed(ids[0], 0)).isFalse();
		}

		// when: it starts with extraction on
		try (ConfigurableApplicationContext second = start(false)) {
			EntityBacklog backlog = second.getBean(EntityBacklog.class);
			WorkProgress done = Eventually.until(backlog::progress,
					progress -> progress.state() == WorkProgress.State.DONE, ANALYSIS);

			// then: every one is analysed, and the progress says how many, how fast
			assertThat(done.total()).isEqualTo(3);
			assertThat(done.done()).isEqualTo(3);
			assertThat(done.perSecond()).isPositive();
			EntityService entities = second.getBean(EntityService.class);
			for (long id : ids) {
				assertThat(entities.isAnalysed(id, 0)).as("article %d analysed", id).isTrue();
			}
			assertThat(entities.entitiesOf(List.of(ids[0])).get(ids[0])).extracting(ArticleEntity::name)
				.contains("Hun Sen", "Sergei Lavrov");
			assertThat(backlog.pending()).isZero();
		}
	}

	private ConfigurableApplicationContext start(boolean failingTagger, String... arguments) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(MorgueApplication.class)
			.properties("server.port=0", "morgue.data-dir=" + dataDir, "morgue.search.check-on-start=false");
		if (failingTagger) {
			builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new FailingTagger()));
		}
		return builder.run(arguments);
	}

	private static long save(ConfigurableApplicationContext context, String copy) {
		return context.getBean(IngestService.class).ingestCopy(copy, CopyCorrections.none()).article().id();
	}

	/** Makes the tagger fail on every text, as a model that cannot be read would. */
	static final class FailingTagger implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (beanName.equals("entityExtractor")) {
				Supplier<EntityExtractor> failing = () -> {
					throw new IllegalStateException("the tagger's model cannot be read");
				};
				return failing;
			}
			return bean;
		}

	}

}
