package org.morgue.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.morgue.annotation.AnnotationChangedException;
import org.morgue.article.ArticleVersionConflictException;
import org.morgue.article.DuplicateArticleTextException;
import org.morgue.feed.FeedConflictException;
import org.morgue.ingest.ArticleTooLargeException;
import org.morgue.system.InvalidInputException;
import org.morgue.system.NotFoundException;
import org.morgue.search.InvalidQueryException;
import org.morgue.user.UserAlreadyExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.HtmlUtils;

/**
 * Every error of an API controller as RFC 9457 problem details
 * ({@code application/problem+json}) with a message a person can act on and, where one
 * field is at fault, its name in {@code field}. Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * Every module's invalid input: 400 naming the field (413 for a body over its size
	 * limit).
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		if (ex instanceof ArticleTooLargeException || ex instanceof RequestTooLargeException) {
			return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", ex.getMessage(), ex.field()));
		}
		String title = (ex instanceof InvalidQueryException) ? "Invalid search" : "Invalid input";
		return respond(problem(HttpStatus.BAD_REQUEST, title, ex.getMessage(), ex.field()));
	}

	/** Every module's "no such thing": 404 naming what is missing. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> annotationChanged(AnnotationChangedException ex) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "Changed by someone else", ex.getMessage(),
				"If-Match");
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.ETAG, "\"" + ex.currentVersion() + "\"")
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> feedConflict(FeedConflictException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), null));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> workRunning(WorkRunningException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Busy", ex.getMessage(), null);
		problem.setProperty(ex.property(), ex.progress());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> userExists(UserAlreadyExistsException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Already exists", ex.getMessage(), "username"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> versionConflict(ArticleVersionConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Changed by someone else", ex.getMessage(), "version");
		problem.setProperty("currentVersion", ex.currentVersion());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.ETAG, "\"" + ex.currentVersion() + "\"")
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> duplicateText(DuplicateArticleTextException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Same text as another article", ex.getMessage(), "body");
		problem.setProperty("otherArticle", "/api/v1/articles/" + ex.otherArticleId());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingVersion(MissingVersionException ex) {
		return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "Version needed", ex.getMessage(), "version"));
	}

	/**
	 * A request body that could not be bound: not JSON, not an object, an unknown field,
	 * a value of the wrong type.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return invalidInput(RequestBodyErrors.explain(ex));
	}

	/** An upload that is not one, or cannot be read. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableUpload(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "Too large",
					"The upload is too large. Upload fewer files at once, each under the archive's limit.", "files"));
		}
		return respond(problem(HttpStatus.BAD_REQUEST, "Invalid input",
				"Send the files as multipart/form-data, each a part named as the form names it.", "files"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, "Invalid input",
				"'" + ex.getValue() + "' is not a valid " + ex.getName() + ".", ex.getName()));
	}

	/**
	 * Spring MVC's own errors (a missing parameter, a missing header, ...) keep the
	 * status and detail it gives them; security decides access errors (401, 403);
	 * anything else is our fault, logged here and answered without details.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> other(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		if (ex instanceof ErrorResponse error) {
			return fromSpring(error);
		}
		if (nulRefusedByDatabase(ex)) {
			return respond(problem(HttpStatus.BAD_REQUEST, "Invalid input",
					"Text cannot hold the NUL character (\\u0000); remove it and send again.", null));
		}
		log.error("Unexpected error in the API", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Server error",
				"Something went wrong on our side; it has been logged.", null));
	}

	/**
	 * Whether PostgreSQL refused a text for a NUL character, which it cannot store
	 * (SQLSTATE 22021): a field no module checks for it. The statement failed, so its
	 * transaction stored nothing.
	 */
	private static boolean nulRefusedByDatabase(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())
					&& String.valueOf(sql.getMessage()).contains("0x00")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The problem for one of Spring MVC's errors, with a clearer word where it has a
	 * terse one.
	 */
	static ResponseEntity<ProblemDetail> fromSpring(ErrorResponse error) {
		ProblemDetail problem = error.getBody();
		if (error instanceof HttpMediaTypeNotSupportedException unsupported) {
			String given = (unsupported.getContentType() != null) ? "'" + unsupported.getContentType() + "'"
					: "no Content-Type";
			String supported = unsupported.getSupportedMediaTypes()
				.stream()
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
					"This endpoint does not take " + given + ". Send one of: " + supported + ".", "Content-Type");
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(error.getHeaders());
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(error.getStatusCode()).headers(headers).body(problem);
	}

	/**
	 * Writes the problem as the response, for the filters and handlers that answer before
	 * Spring MVC does: to a browser asking for a page, as a page; else in the form Spring
	 * MVC gives problem details (its properties at the top level).
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (wantsPage(request)) {
			writePage(response, problem);
		}
		else {
			write(response, problem);
		}
	}

	/**
	 * Whether the request is a browser's for a page: not the API's, and asking for HTML.
	 */
	private static boolean wantsPage(HttpServletRequest request) {
		String path = request.getRequestURI();
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return path != null && !path.startsWith("/api/") && accept != null && accept.contains("text/html");
	}

	/**
	 * The problem as a plain page in the archive's style, for a browser refused before
	 * any page controller ran (so without the templates' user and navigation).
	 */
	private static void writePage(HttpServletResponse response, ProblemDetail problem) throws IOException {
		String title = HtmlUtils.htmlEscape(String.valueOf(problem.getTitle()));
		String detail = HtmlUtils.htmlEscape(String.valueOf(problem.getDetail()));
		String page = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s · Morgue</title>
				<link rel="stylesheet" href="/css/morgue.css"></head>
				<body><main><h1>%s</h1><p>%s</p><p><a href="/articles">Back to the articles</a></p></main></body></html>
				""".formatted(title, title, detail);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes the problem details as the response. */
	static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", String.valueOf(problem.getType()));
		fields.put("title", problem.getTitle());
		fields.put("status", problem.getStatus());
		fields.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			fields.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(fields));
	}

	static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
