package org.morgue.user;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Takes the CSRF token of an API call that rides on a page's session from the
 * {@code X-CSRF-TOKEN} header only, as the pages' scripts send it, never from a form
 * field. Looking in the body would make the CSRF check read an upload before anything
 * else has checked it: an upload cut short then failed in the web server, which answered
 * with its own error instead of problem details.
 */
final class HeaderCsrfTokenHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		tokens.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		return (request.getHeader(csrfToken.getHeaderName()) != null) ? tokens.resolveCsrfTokenValue(request, csrfToken)
				: null;
	}

}
