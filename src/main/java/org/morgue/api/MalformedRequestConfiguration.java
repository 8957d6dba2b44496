package org.morgue.api;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link MalformedRequestFilter} on both sides of security: before it, after
 * the character encoding is set, for every request but an upload; after it for an upload,
 * so that an anonymous upload is refused before its body is read.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequestConfiguration {

	@Bean
	FilterRegistrationBean<MalformedRequestFilter> malformedRequests() {
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter(false));
		// Each its own name: a once-per-request filter marks the request under it.
		registration.setName("malformedRequests");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedRequestFilter> malformedUploads() {
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter(true));
		registration.setName("malformedUploads");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

}
