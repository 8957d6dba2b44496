package org.morgue.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.morgue.ingest.ArticleTooLargeException;
import org.morgue.ingest.IngestService;
import org.morgue.system.InvalidInputException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Holds every API request body to the limit its handler declares with {@link BodyLimit}:
 * a {@code Content-Length} over the limit is refused before the body is read, and a body
 * sent without one (chunked) is read no further than the limit. A {@link JsonRequest}
 * body must also be UTF-8, as JSON is (RFC 8259), whatever charset its
 * {@code Content-Type} names; its text as received is kept in the request attribute
 * {@link #RECEIVED_JSON} for a handler that stores it.
 * <p>
 * The body is read into memory, which the limit bounds; the mapper would hold all of it
 * anyway.
 */
@ControllerAdvice(basePackageClasses = BodyLimitAdvice.class)
class BodyLimitAdvice extends RequestBodyAdviceAdapter {

	/** The request attribute with the text of a {@link JsonRequest} body, as received. */
	static final String RECEIVED_JSON = "org.morgue.api.receivedJson";

	private final IngestService ingest;

	BodyLimitAdvice(IngestService ingest) {
		this.ingest = ingest;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		// Every request body of the API: one whose handler declares no limit is refused
		// (a mistake of ours).
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		BodyLimit declared = declared(parameter);
		long limit = limit(declared);
		if (input.getHeaders().getContentLength() > limit) {
			throw tooLarge(declared);
		}
		byte[] bytes = readAtMost(input.getBody(), limit);
		if (bytes == null) {
			throw tooLarge(declared);
		}
		HttpHeaders headers = HttpHeaders.copyOf(input.getHeaders());
		if (isJsonRequest(parameter)) {
			RequestContextHolder.currentRequestAttributes()
				.setAttribute(RECEIVED_JSON, utf8(bytes), RequestAttributes.SCOPE_REQUEST);
			MediaType type = headers.getContentType();
			if (type != null) {
				// Checked to be UTF-8 above: a charset the client named must not make the
				// mapper read it as another.
				headers.setContentType(new MediaType(type, StandardCharsets.UTF_8));
			}
		}
		return new ReadBody(bytes, headers);
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (body == null && isJsonRequest(parameter)) {
			// The JSON was null, which binds to no object.
			throw new InvalidRequestException("body", RequestBodyErrors.notAnObject(parameter.getParameterType()));
		}
		return body;
	}

	@Override
	public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (isJsonRequest(parameter)) {
			throw new InvalidRequestException("body", RequestBodyErrors.empty(parameter.getParameterType()));
		}
		if (parameter.getParameterType() == byte[].class) {
			// No bytes, for the handler to refuse as it refuses blank copy.
			return new byte[0];
		}
		return body;
	}

	/** The limit the handler declares, in bytes. */
	long limit(BodyLimit declared) {
		return declared.value() + declared.copies() * ingest.maxBodyBytes();
	}

	private InvalidInputException tooLarge(BodyLimit declared) {
		if (declared.copies() > 0) {
			return new ArticleTooLargeException(declared.field(), ingest.maxBodyBytes());
		}
		return new RequestTooLargeException(declared.field(), declared.value());
	}

	private static BodyLimit declared(MethodParameter parameter) {
		BodyLimit declared = parameter.getMethodAnnotation(BodyLimit.class);
		if (declared == null) {
			throw new IllegalStateException(parameter.getExecutable() + " reads a request body without a @BodyLimit");
		}
		return declared;
	}

	private static boolean isJsonRequest(MethodParameter parameter) {
		return JsonRequest.class.isAssignableFrom(parameter.getParameterType());
	}

	/** The stream's bytes, or {@code null} when there are more than {@code limit}. */
	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		return (bytes.length > limit) ? null : bytes;
	}

	/**
	 * The bytes as UTF-8, strictly: a byte sequence that is not UTF-8 is refused, not
	 * replaced. So is a NUL, which JSON in UTF-8 never has (control characters in strings
	 * are escaped): it is JSON in UTF-16 or UTF-32, which the mapper would detect and
	 * read, and which is not what was checked.
	 */
	private static String utf8(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			text = null;
		}
		if (text == null || text.indexOf('\0') >= 0) {
			throw new InvalidRequestException("body", "The request is not valid UTF-8: send JSON in UTF-8.");
		}
		return text;
	}

	private record ReadBody(byte[] bytes, HttpHeaders headers) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
