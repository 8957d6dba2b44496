package org.morgue.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answer, for the requests it refuses before the application sees them
 * (an address or headers longer than {@code server.max-http-request-header-size}, a
 * request line it cannot parse): RFC 9457 problem details as the API gives, in place of
 * Tomcat's HTML page. Errors the application answers itself are written before this valve
 * runs, and are left as they are.
 * <p>
 * It runs on Tomcat's thread after the request failed, so it writes a fixed text and
 * reads nothing of the request.
 */
class ProblemReportValve extends ErrorReportValve {

	private final long maxHeaderBytes;

	ProblemReportValve(long maxHeaderBytes) {
		this.maxHeaderBytes = maxHeaderBytes;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = (status == 400)
				? "The request could not be read: its address or headers are malformed, " + "or longer than the "
						+ (maxHeaderBytes / 1024) + " KB the server takes for the address and headers together."
				: (status >= 500) ? "Something went wrong on our side; it has been logged."
						: "The server refused the request (" + title + ").";
		String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone, or the response cannot be written: nothing to answer.
		}
	}

}
