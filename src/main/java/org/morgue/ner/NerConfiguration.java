package org.morgue.ner;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The extractor and the thread that analyses saved articles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NerProperties.class)
class NerConfiguration {

	/** Analysis of saved articles, one at a time and apart from indexing, which must not wait. */
	static final String EXECUTOR = "entityAnalysisExecutor";

	@Bean(EXECUTOR)
	Executor entityAnalysisExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("entity-analysis-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

	/**
	 * The extractor, loaded on first use (its models take seconds to load and a few hundred MB) and
	 * shared by everything in this JVM: the models never change while it runs.
	 */
	@Bean
	Supplier<EntityExtractor> entityExtractor() {
		return SharedExtractor::get;
	}

	private static final class SharedExtractor {

		private static volatile EntityExtractor extractor;

		static EntityExtractor get() {
			EntityExtractor loaded = extractor;
			if (loaded == null) {
				synchronized (SharedExtractor.class) {
					loaded = extractor;
					if (loaded == null) {
						loaded = new EntityExtractor();
						extractor = loaded;
					}
				}
			}
			return loaded;
		}

	}

}
