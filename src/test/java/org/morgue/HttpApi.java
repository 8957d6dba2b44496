package org.morgue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running archive, as an API user has one: no mocks between
 * the test and Tomcat, the security filters and the database.
 */
public final class HttpApi {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager())
		.build();

	private final String base;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private HttpApi(String base) {
		this.base = base;
	}

	public static HttpApi anonymous(int port) {
		return new HttpApi("http://localhost:" + port);
	}

	public static HttpApi as(int port, String username, String password) {
		HttpApi api = anonymous(port);
		api.headers.put("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		return api;
	}

	/**
	 * Signs in through the login form, as a browser does: the session cookie then rides
	 * along.
	 */
	public static HttpApi signedIn(int port, String username, String password) {
		HttpApi api = anonymous(port);
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(api.csrfToken("/login"));
		Response response = api.post("/login", "application/x-www-form-urlencoded", form);
		if (response.status() != 302 || response.header("Location").contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username);
		}
		return api;
	}

	/** The CSRF token a page's forms carry. */
	public String csrfToken(String page) {
		Matcher matcher = CSRF_FIELD.matcher(get(page).text());
		if (!matcher.find()) {
			throw new IllegalStateException(page + " has no form with a CSRF token");
		}
		return matcher.group(1);
	}

	public static HttpApi withToken(int port, String token) {
		HttpApi api = anonymous(port);
		api.headers.put("Authorization", "Bearer " + token);
		return api;
	}

	public Response get(String path, String... extraHeaders) {
		return send(request(path, extraHeaders).GET());
	}

	public Response delete(String path, String... extraHeaders) {
		return send(request(path, extraHeaders).DELETE());
	}

	public Response put(String path, String contentType, String body, String... extraHeaders) {
		String[] all = new String[extraHeaders.length + 2];
		all[0] = "Content-Type";
		all[1] = contentType;
		System.arraycopy(extraHeaders, 0, all, 2, extraHeaders.length);
		return send(request(path, all).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** A PUT without a body. */
	public Response put(String path) {
		return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
	}

	public Response post(String path, String contentType, String body) {
		return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	public Response post(String path, String contentType, byte[] body) {
		return send(request(path, "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public Response postWithHeader(String path, String contentType, String body, String header, String value) {
		return send(request(path, "Content-Type", contentType, header, value)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public Response patch(String path, String contentType, String body, String... extraHeaders) {
		String[] all = new String[extraHeaders.length + 2];
		all[0] = "Content-Type";
		all[1] = contentType;
		System.arraycopy(extraHeaders, 0, all, 2, extraHeaders.length);
		return send(
				request(path, all).method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path, String... extraHeaders) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		headers.forEach(builder::header);
		for (int i = 0; i < extraHeaders.length; i += 2) {
			builder.header(extraHeaders[i], extraHeaders[i + 1]);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

		public String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JsonMapper.shared().readTree(bytes);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map(e -> e.getValue().get(0))
				.orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
