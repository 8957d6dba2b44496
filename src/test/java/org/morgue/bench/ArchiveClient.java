package org.morgue.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The archive's JSON API as the harnesses' clients use it, over HTTP/1.1 on 127.0.0.1:
 * the writes an editor and an import make, and the reads that check them. A write that is
 * not answered 2xx throws {@link Refused} with the status and the problem; one that gets
 * no answer at all throws {@link IOException}.
 */
final class ArchiveClient {

	/** A bulk answer's line as the archive writes it, once its batch is stored. */
	private static final Pattern BULK_LINE = Pattern
		.compile("\\{\"line\":(\\d+),\"status\":\"(created|duplicate|updated)\",\"id\":(\\d+)");

	private static final JsonMapper JSON = JsonMapper.shared();

	/** An answer other than 2xx. */
	static final class Refused extends RuntimeException {

		final int status;

		Refused(String what, int status, String body) {
			super(what + " answered " + status + ": " + body);
			this.status = status;
		}

	}

	/**
	 * A bulk line the archive answered with an article: created, updated or a duplicate.
	 */
	record BulkLine(int line, String status, long id) {
	}

	private final HttpClient http;

	private final String base;

	private final String authorization;

	ArchiveClient(HttpClient http, String base, String authorization) {
		this.http = http;
		this.base = base;
		this.authorization = authorization;
	}

	static HttpClient http() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	HttpClient httpClient() {
		return http;
	}

	String base() {
		return base;
	}

	String authorization() {
		return authorization;
	}

	/** A personal API token of the signed-in user, as {@code Bearer ...}. */
	String createToken(String name) throws IOException, InterruptedException {
		ObjectNode body = JSON.createObjectNode().put("name", name);
		return "Bearer "
				+ json("create a token", post("/api/v1/tokens", "application/json", body.toString())).get("secret")
					.asString();
	}

	/** {@code POST /api/v1/articles} with the fields as JSON: the stored article. */
	JsonNode save(String title, String body, String source, String publishedAt)
			throws IOException, InterruptedException {
		ObjectNode request = JSON.createObjectNode()
			.put("title", title)
			.put("body", body)
			.put("source", source)
			.put("publishedAt", publishedAt);
		return json("save", post("/api/v1/articles", "application/json", request.toString()));
	}

	JsonNode article(long id) throws IOException, InterruptedException {
		return json("article " + id, send(request("/api/v1/articles/" + id).GET()));
	}

	/** {@code PATCH /api/v1/articles/{id}}: a correction of the title and text. */
	JsonNode correct(long id, int version, String title, String body) throws IOException, InterruptedException {
		ObjectNode patch = JSON.createObjectNode().put("version", version).put("title", title).put("body", body);
		return json("correct " + id, send(request("/api/v1/articles/" + id).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(patch.toString()))));
	}

	/** {@code PUT /api/v1/articles/{id}/tags/{tag}}: the article's tags. */
	JsonNode tag(long id, String tag) throws IOException, InterruptedException {
		return json("tag " + id,
				send(request("/api/v1/articles/" + id + "/tags/"
						+ URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20"))
					.PUT(HttpRequest.BodyPublishers.noBody())));
	}

	/**
	 * Annotates the passage {@code exact} of an article.
	 * @return the annotation's id
	 */
	long annotate(long articleId, String note, String exact) throws IOException, InterruptedException {
		ObjectNode annotation = JSON.createObjectNode();
		annotation.putObject("body").put("type", "TextualBody").put("value", note).put("format", "text/markdown");
		annotation.putObject("target").putObject("selector").put("type", "TextQuoteSelector").put("exact", exact);
		HttpResponse<byte[]> response = post("/api/v1/articles/" + articleId + "/annotations", "application/json",
				annotation.toString());
		json("annotate " + articleId, response);
		String location = response.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/**
	 * {@code POST /api/v1/articles/bulk} with NDJSON lines, read as far as the archive
	 * answered: a power cut in the middle leaves the lines of the batches stored before
	 * it, which are acknowledged, and an {@link IOException} is not thrown for the rest.
	 * @return the lines answered with an article
	 */
	List<BulkLine> bulk(List<String> lines) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = http
			.send(request("/api/v1/articles/bulk").header("Content-Type", "application/x-ndjson")
				.timeout(Duration.ofMinutes(10))
				.POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n"))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		try (InputStream in = response.body()) {
			in.transferTo(read);
		}
		catch (IOException ex) {
			// The archive died while answering: what arrived stands.
		}
		String answer = read.toString(StandardCharsets.UTF_8);
		if (response.statusCode() != 200) {
			throw new Refused("bulk", response.statusCode(), answer);
		}
		List<BulkLine> answered = new ArrayList<>();
		Matcher line = BULK_LINE.matcher(answer);
		while (line.find()) {
			answered.add(new BulkLine(Integer.parseInt(line.group(1)), line.group(2), Long.parseLong(line.group(3))));
		}
		if (answer.contains("\"errors\":") && !answer.contains("\"errors\":0")) {
			throw new Refused("bulk", 200, "lines refused: " + answer.substring(Math.max(0, answer.length() - 2000)));
		}
		return answered;
	}

	/** Articles whose text matches {@code q}, every copy counted. */
	long searchTotal(String q) throws IOException, InterruptedException {
		return json("search " + q, send(
				request("/api/v1/articles?copies=all&size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).GET()))
			.get("total")
			.asLong();
	}

	JsonNode indexStatus() throws IOException, InterruptedException {
		return json("index status", send(request("/api/v1/admin/index").GET()));
	}

	/** Asks for a consistency check of the index; false when one or a rebuild runs. */
	boolean startIndexCheck() throws IOException, InterruptedException {
		HttpResponse<byte[]> response = post("/api/v1/admin/index/check", "application/json", "");
		if (response.statusCode() == 409) {
			return false;
		}
		json("index check", response);
		return true;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.timeout(Duration.ofMinutes(2));
	}

	private HttpResponse<byte[]> post(String path, String contentType, String body)
			throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static JsonNode json(String what, HttpResponse<byte[]> response) {
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (response.statusCode() / 100 != 2) {
			throw new Refused(what, response.statusCode(), body);
		}
		return JSON.readTree(body);
	}

}
