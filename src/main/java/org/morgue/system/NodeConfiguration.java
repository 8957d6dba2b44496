package org.morgue.system;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Names this node in every session of its connection pool ({@code morgue.node}), so that
 * the event publication log records which node published each event
 * ({@code event_publication.published_by}, see {@link NodePublications}). Only a HikariCP
 * pool (Spring Boot's) is named; with another, this node's publications count as a dead
 * node's, and another node may deliver them a second time.
 */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

	/**
	 * Static, and the properties looked up only for the pool, as a post-processor must.
	 */
	@Bean
	static BeanPostProcessor nodeSessionSetting(ObjectProvider<NodeProperties> properties) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					String node = properties.getObject().id().replace("'", "''");
					String setting = "select set_config('morgue.node', '" + node + "', false)";
					String configured = pool.getConnectionInitSql();
					pool.setConnectionInitSql(StringUtils.hasText(configured) ? configured + "; " + setting : setting);
				}
				return bean;
			}

		};
	}

}
