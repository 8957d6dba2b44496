package org.morgue.system;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * Records who created and last changed audited rows.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing
class AuditingConfiguration {

	@Bean
	AuditorAware<String> auditorAware() {
		return () -> Optional.of(CurrentActor.name());
	}

}
