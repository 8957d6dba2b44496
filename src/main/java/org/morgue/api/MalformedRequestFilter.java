package org.morgue.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's parameters, and an upload's parts, before anything else does, and
 * refuses a request whose parameters or parts cannot be read (percent-encoding that is
 * not UTF-8, a malformed query string or form, an upload without its boundary or cut
 * short) with 400 problem details, or 413 for an upload over
 * {@code spring.servlet.multipart.*}. Otherwise the first filter or handler to ask for a
 * parameter (the security filters, a search's criteria) would fail on it, and the client
 * would be told of a server error.
 * <p>
 * It runs just after the character encoding is set, so parameters are read as UTF-8, and
 * before security: a request refused here reaches no handler and stores nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = null;
		HttpStatus status = HttpStatus.BAD_REQUEST;
		String field = null;
		if (isUpload(request)) {
			try {
				request.getParts();
			}
			catch (IOException | ServletException | IllegalStateException ex) {
				field = "files";
				if (tooLarge(ex)) {
					status = HttpStatus.CONTENT_TOO_LARGE;
					problem = "The upload is too large. Upload fewer files at once, each under the archive's limit.";
				}
				else {
					problem = "The upload could not be read as multipart/form-data: its boundary is missing or it "
							+ "is cut short.";
				}
			}
		}
		if (problem == null) {
			try {
				for (var parameter : request.getParameterMap().entrySet()) {
					for (String value : parameter.getValue()) {
						if (value.indexOf('\0') >= 0 || parameter.getKey().indexOf('\0') >= 0) {
							problem = "The parameter '" + parameter.getKey().replace('\0', ' ')
									+ "' contains a NUL character (%00), which no field takes.";
							field = parameter.getKey().replace('\0', ' ');
						}
					}
				}
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				problem = "The query string or form could not be read: a parameter is not percent-encoded UTF-8 "
						+ "or is malformed.";
				field = "query";
			}
		}
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		ApiExceptionHandler.write(response, ApiExceptionHandler.problem(status, "Invalid input", problem, field));
	}

	private static boolean isUpload(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
					|| cause.getClass().getSimpleName().contains("SizeException")) {
				return true;
			}
		}
		return false;
	}

}
