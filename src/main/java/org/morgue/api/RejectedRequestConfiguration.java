package org.morgue.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (an encoded slash, percent or dot segment
 * in the path, a header with control characters) is answered 400 with problem details
 * that say why, as the API answers every refusal, instead of an empty error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequestConfiguration {

	@Bean
	RequestRejectedHandler problemForRejectedRequests() {
		return (request, response, ex) -> {
			ApiExceptionHandler.write(request, response,
					ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Invalid input",
							"The address or a header is refused: it has an encoded '/', '%', '.' or ';', a '//' or "
									+ "characters that are not allowed there.",
							null));
		};
	}

}
