package org.morgue.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Work done after a request: event listeners run on Spring Boot's task executor after their
 * transaction commits, and scheduled tasks (index commits) on its scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration {

}
