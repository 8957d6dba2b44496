package org.morgue.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's parameters, and an upload's parts, before any handler does, and
 * refuses a request whose parameters or parts cannot be read (percent-encoding that is
 * not UTF-8, a NUL character, a malformed query string or form, an upload without its
 * boundary or cut short) with 400 problem details, or 413 for an upload over
 * {@code spring.servlet.multipart.*}. Otherwise the first filter or handler to ask for a
 * parameter (the security filters, a search's criteria) would fail on it, and the client
 * would be told of a server error.
 * <p>
 * It runs twice ({@link MalformedRequestConfiguration}): just after the character
 * encoding is set, before security, for every request but an upload, whose query string
 * alone it reads then; and after security for an upload, whose body is read only once the
 * uploader is known to be signed in. A request refused here reaches no handler and stores
 * nothing.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

	private final boolean uploads;

	/**
	 * @param uploads {@code true} for the filter that reads uploads (after security),
	 * {@code false} for the one that reads every other request (before it)
	 */
	MalformedRequestFilter(boolean uploads) {
		this.uploads = uploads;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ProblemDetail problem;
		if (isUpload(request)) {
			problem = uploads ? upload(request) : query(request.getQueryString());
		}
		else {
			problem = uploads ? null : parameters(request);
		}
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		ApiExceptionHandler.write(request, response, problem);
	}

	private static ProblemDetail upload(HttpServletRequest request) {
		try {
			request.getParts();
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			if (tooLarge(ex)) {
				return ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "Too large",
						"The upload is too large. Upload fewer files at once, each under the archive's limit.",
						"files");
			}
			return invalid("The upload could not be read as multipart/form-data: its boundary is missing or it "
					+ "is cut short.", "files");
		}
		return parameters(request);
	}

	private static ProblemDetail parameters(HttpServletRequest request) {
		try {
			for (var parameter : request.getParameterMap().entrySet()) {
				for (String value : parameter.getValue()) {
					if (value.indexOf('\0') >= 0 || parameter.getKey().indexOf('\0') >= 0) {
						return nul(parameter.getKey());
					}
				}
			}
			return null;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return unreadable();
		}
	}

	/**
	 * The problem with a query string, read as Tomcat reads it (percent-encoded UTF-8,
	 * {@code +} for a space), without reading the body.
	 */
	static ProblemDetail query(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			if (name == null || value == null) {
				return unreadable();
			}
			if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
				return nul(name);
			}
		}
		return null;
	}

	/** The text, or {@code null} when it is not percent-encoded UTF-8. */
	private static String decode(String encoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
						|| Character.digit(encoded.charAt(i + 2), 16) < 0) {
					return null;
				}
				bytes.write(
						Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf((c == '+') ? ' ' : c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static ProblemDetail unreadable() {
		return invalid("The query string or form could not be read: a parameter is not percent-encoded UTF-8 "
				+ "or is malformed.", "query");
	}

	private static ProblemDetail nul(String name) {
		String shown = name.replace('\0', ' ');
		return invalid("The parameter '" + shown + "' contains a NUL character (%00), which no field takes.", shown);
	}

	private static ProblemDetail invalid(String detail, String field) {
		return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, field);
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
