package org.morgue.ner;

import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The extractor and the settings of extraction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NerProperties.class)
class NerConfiguration {

	/**
	 * The extractor, loaded on first use (its models take seconds to load and a few
	 * hundred MB) and shared by everything in this JVM: the models never change while it
	 * runs.
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
