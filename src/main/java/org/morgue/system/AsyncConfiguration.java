package org.morgue.system;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Work done after a request: event listeners run on Spring Boot's task executor after
 * their transaction commits, slow ones one at a time on an executor of their own
 * ({@link Workers#ONE_AT_A_TIME}), and scheduled tasks (index commits) on Boot's
 * scheduler. The archive's other threads are {@link Workers}'.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration {

	@Bean(Workers.ONE_AT_A_TIME)
	Executor oneAtATimeExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("one-at-a-time-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

}
