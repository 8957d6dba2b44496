package org.morgue.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the web server refuses before the application sees them, sent over a plain
 * socket as a client would: an address or headers over
 * {@code server.max-http-request-header-size}, a request line it cannot parse. Each gets
 * problem details, not Tomcat's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverlongRequestTests {

	@LocalServerPort
	int port;

	@Test
	void anOverLongAddressGetsProblemDetails() throws IOException {
		// when
		String answer = send("GET /api/v1/articles?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");

		// then
		assertProblem(answer, 400);
		assertThat(answer).contains("8 KB");
	}

	@Test
	void anOverLongHeaderGetsProblemDetails() throws IOException {
		// when
		String answer = send("GET /search HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "b".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");

		// then
		assertProblem(answer, 400);
	}

	@Test
	void aRequestLineWithRawControlCharactersGetsProblemDetails() throws IOException {
		// when
		String answer = send(
				"GET /api/v1/articles?q=\u0001{} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		// then
		assertProblem(answer, 400);
	}

	@Test
	void aQueryStringThatIsNotPercentEncodedUtf8GetsProblemDetails() throws IOException {
		// when: a lone '%', and bytes that are not UTF-8
		String lone = send(
				"GET /api/v1/annotations?creator=% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		String notUtf8 = send("GET /api/v1/articles?q=%C3%28 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		// then
		assertProblem(lone, 400);
		assertProblem(notUtf8, 400);
		assertThat(notUtf8).contains("\"field\":\"query\"");
	}

	private static void assertProblem(String answer, int status) {
		assertThat(answer).startsWith("HTTP/1.1 " + status);
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).contains("\"status\":" + status).doesNotContain("<html").doesNotContain("Tomcat");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				in.transferTo(answer);
			}
			catch (IOException ex) {
				// The server may reset the connection once it has answered.
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
