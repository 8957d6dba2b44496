package org.morgue.search;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the engine behind the search module by {@code morgue.search.backend}: the
 * embedded Lucene index by default. A backend this version cannot run stops the start
 * with a message that names the setting.
 */
@Configuration(proxyBeanMethods = false)
class SearchBackendConfiguration {

	@Bean
	SearchBackend searchBackend(SearchProperties properties, ObjectProvider<ArticleIndex> index, ArticleQueries queries,
			EntityFacets entityFacets) {
		return switch (properties.backend()) {
			case EMBEDDED -> new EmbeddedSearchBackend(index.getObject(), queries, entityFacets);
			case SOLRCLOUD -> throw new InvalidConfigurationPropertyValueException(SearchProperties.BACKEND,
					"solrcloud", "This version of Morgue has no SolrCloud backend yet; set " + SearchProperties.BACKEND
							+ "=embedded (the default) for the Lucene index on this machine.");
		};
	}

}
