package org.morgue.system;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 from binaries on the classpath when no
 * {@code spring.datasource.url} is configured, keeping its data under
 * {@code ${morgue.data-dir}/postgres} so that it survives restarts. The connection pool,
 * Flyway and JPA then connect to it like to any other PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(MorgueProperties properties) throws IOException {
		EmbeddedPostgres postgres = EmbeddedDatabase.startArchive(properties.dataDir());
		log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(),
				properties.dataDir().resolve("postgres"));
		return postgres;
	}

	@Bean
	JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "postgres";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
