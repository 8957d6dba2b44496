package org.morgue.user;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers API requests that fail authentication or authorization with RFC 9457 problem
 * details, as the rest of the API does, instead of a login page.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String CHALLENGE = "Basic realm=\"Morgue\", Bearer realm=\"Morgue\"";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof SignInThrottledException throttled) {
			response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
					"This account or address failed to sign in too often lately; the password was not checked. "
							+ "Try again in " + throttled.retryAfterSeconds() + " seconds.");
			return;
		}
		response.setHeader("WWW-Authenticate", CHALLENGE);
		write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in needed",
				"This API needs a user: send HTTP Basic credentials or a personal API token as 'Authorization: Bearer <token>'.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		if (exception instanceof CsrfException) {
			write(request, response, HttpStatus.FORBIDDEN, "CSRF token needed",
					"A change sent with a page's session needs the page's CSRF token in the X-CSRF-TOKEN header. "
							+ "A program should send HTTP Basic credentials or a personal API token instead.");
			return;
		}
		write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
				"Your role does not allow this. Ask an administrator if you need it.");
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JsonMapper.shared().writeValue(response.getOutputStream(), problem);
	}

}
