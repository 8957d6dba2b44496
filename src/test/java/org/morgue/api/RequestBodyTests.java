package org.morgue.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.ApiTokenService;
import org.morgue.user.NewApiToken;
import org.morgue.user.Role;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.morgue.api.ArticleApiTests.assertProblem;

/**
 * The API's request bodies as its OpenAPI description gives them, sent over HTTP to the
 * running archive: for every operation that takes JSON, the fields the description lists
 * are the fields the code takes, each of the type the description says; every body is
 * held to the limit the description states; and the ways a body can fail to be JSON each
 * get a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyTests {

	private static final String UNKNOWN = "zzNotAField";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ApiTokenService tokens;

	/**
	 * The administrator's token: checked faster than a password, for the many requests
	 * here.
	 */
	NewApiToken token;

	HttpApi admin;

	HttpApi reader;

	JsonNode description;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		token = tokens.create(TestUsers.ADMIN, "request body tests");
		admin = HttpApi.withToken(port, token.secret());
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		description = reader.get("/v3/api-docs").json();
	}

	@AfterEach
	void revoke() {
		tokens.revoke(TestUsers.ADMIN, token.token().id());
	}

	@Test
	void anUnknownFieldIsRefusedListingExactlyTheFieldsTheDescriptionGives() {
		List<JsonOperation> operations = jsonOperations();
		assertThat(operations).hasSizeGreaterThanOrEqualTo(15);

		for (JsonOperation operation : operations) {
			// when
			Response response = send(admin, operation, "{\"" + UNKNOWN + "\": true}");

			// then
			if (operation.schema().path("additionalProperties").asBoolean(false)) {
				// a Web Annotation: other terms are ignored, whatever else is wrong with
				// the request
				assertThat(response.status()).as(operation.toString()).isBetween(400, 499);
				assertThat(response.text()).as(operation.toString()).doesNotContain(UNKNOWN);
				continue;
			}
			assertProblem(response, 400, UNKNOWN);
			assertThat(response.json().get("detail").asString()).as(operation.toString())
				.isEqualTo("Unknown field '" + UNKNOWN + "'. The fields are: "
						+ String.join(", ", new TreeSet<>(operation.properties().keySet())) + ".");
		}
	}

	@Test
	void aValueOfAnotherTypeThanTheDescriptionGivesIsRefusedNamingTheField() {
		int checked = 0;
		for (JsonOperation operation : jsonOperations()) {
			for (Map.Entry<String, JsonNode> property : operation.properties().entrySet()) {
				String name = property.getKey();
				String type = type(property.getValue());
				for (String wrong : wrongValues(type)) {
					// when
					Response response = send(admin, operation, "{\"" + name + "\": " + wrong + "}");

					// then
					assertProblem(response, 400, name);
					String detail = response.json().get("detail").asString();
					switch (type) {
						case "string" -> assertThat(detail).isEqualTo("'" + name + "' must be a string.");
						case "integer" -> assertThat(detail).isEqualTo("'" + name + "' must be a whole number.");
						case "boolean" -> assertThat(detail).isEqualTo("'" + name + "' must be true or false.");
						default -> assertThat(detail).as(operation + " " + name).isNotBlank();
					}
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(50);
	}

	@Test
	void aContentLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
		List<LimitedBody> bodies = limitedBodies();
		assertThat(bodies).hasSizeGreaterThan(15);

		for (LimitedBody body : bodies) {
			// when: the headers promise one byte more than the limit, and the first byte
			// follows
			RawResponse response = raw(body, "Content-Length: " + (body.limit() + 1), new byte[] { '{' });

			// then: the answer comes before the rest of the body is sent
			assertTooLarge(body, response);
		}
	}

	@Test
	void aChunkedBodyIsReadNoFurtherThanTheLimit() throws IOException {
		for (LimitedBody body : limitedBodies()) {
			// when
			RawResponse over = raw(body, "Transfer-Encoding: chunked", chunked(body.limit() + 1));
			// bytes that are not UTF-8, so that none of them is stored
			RawResponse atTheLimit = raw(body, "Transfer-Encoding: chunked", chunked(body.limit()));

			// then
			assertTooLarge(body, over);
			assertThat(atTheLimit.status()).as(body + ": " + atTheLimit.text()).isEqualTo(400);
			assertThat(atTheLimit.text()).doesNotContain("Exception");
		}
	}

	@Test
	void aBodyThatIsNotAJsonObjectSaysWhatItIs() {
		String tokens = "/api/v1/tokens";

		Response empty = reader.post(tokens, "application/json", "");
		Response blank = reader.post(tokens, "application/json", " \n ");
		Response array = reader.post(tokens, "application/json", "[{\"name\": \"x\"}]");
		Response string = reader.post(tokens, "application/json", "\"x\"");
		Response nothing = reader.post(tokens, "application/json", "null");
		Response broken = reader.post(tokens, "application/json", "{\"name\": \"x\",\n \"name\"");
		Response trailing = reader.post(tokens, "application/json", "{\"name\": \"x\"} {}");
		Response latin1 = reader.post(tokens, "application/json",
				"{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
		Response utf16 = reader.post(tokens, "application/json",
				"{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_16BE));

		for (Response response : List.of(empty, blank, array, string, nothing, broken, trailing, latin1, utf16)) {
			assertProblem(response, 400, "body");
		}
		assertThat(empty.json().get("detail").asString())
			.isEqualTo("The request has no body: send a JSON object of fields: name.");
		assertThat(blank.json().get("detail").asString()).isEqualTo(empty.json().get("detail").asString());
		assertThat(array.json().get("detail").asString())
			.isEqualTo("The request must be a JSON object of fields: name.");
		assertThat(string.json().get("detail").asString()).isEqualTo(array.json().get("detail").asString());
		assertThat(nothing.json().get("detail").asString()).isEqualTo(array.json().get("detail").asString());
		assertThat(broken.json().get("detail").asString()).startsWith("The request is not valid JSON: ")
			.endsWith("(line 2, column 8).");
		assertThat(trailing.json().get("detail").asString())
			.startsWith("The request is not valid JSON: there is more after the object");
		assertThat(latin1.json().get("detail").asString()).contains("UTF-8");
		assertThat(utf16.json().get("detail").asString()).contains("UTF-8");
	}

	@Test
	void aJsonBodyIsUtf8WhateverCharsetTheContentTypeNames() {
		// when
		Response created = reader.post("/api/v1/tokens", "application/json; charset=ISO-8859-1",
				"{\"name\": \"Caf\u00e9 feed\"}".getBytes(StandardCharsets.UTF_8));

		// then
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("token").get("name").asString()).isEqualTo("Caf\u00e9 feed");
		assertThat(reader.delete("/api/v1/tokens/" + created.json().get("token").get("id").asLong()).status())
			.isEqualTo(204);
	}

	@Test
	void anArticleGivenAsJsonKeepsTheJsonAsItsCopyAsReceived() {
		// given
		String json = "{\"title\": \"Ferries run again\",\n \"body\": \"Ferries ran again on " + UUID.randomUUID()
				+ ", the port said.\"}";

		// when
		Response created = admin.post("/api/v1/articles", "application/json", json);

		// then
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(reader.get("/api/v1/articles/" + created.json().get("id").asLong() + "/raw").text()).isEqualTo(json);
	}

	@Test
	void aMergePatchKeepsAFieldLeftOutAndClearsAFieldThatIsNull() {
		// given
		JsonNode article = admin
			.post("/api/v1/articles?dateline=LONDON&source=Reuters", "text/plain",
					"Officials met on " + UUID.randomUUID() + " to discuss the budget, a spokesman said.")
			.json();
		long id = article.get("id").asLong();

		// when
		Response cleared = admin.patch("/api/v1/articles/" + id, "application/merge-patch+json",
				"{\"dateline\": null, \"version\": " + article.get("version").asInt() + "}");
		Response noText = admin.patch("/api/v1/articles/" + id, "application/merge-patch+json",
				"{\"body\": null, \"version\": " + cleared.json().get("version").asInt() + "}");

		// then
		assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
		assertThat(cleared.json().get("dateline").isNull()).isTrue();
		assertThat(cleared.json().get("source").asString()).isEqualTo("Reuters");
		assertThat(cleared.json().get("body").asString()).isEqualTo(article.get("body").asString());
		assertProblem(noText, 400, "body");
	}

	@Test
	void aUserKeepsTheRoleAPatchLeavesOutAndRefusesANullOne() {
		// given
		String name = "p" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, "long-enough-pw", Role.EDITOR);

		// when
		Response disabled = admin.patch("/api/v1/users/" + name, "application/json", "{\"enabled\": false}");
		Response nullRole = admin.patch("/api/v1/users/" + name, "application/json", "{\"role\": null}");

		// then
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().get("role").asString()).isEqualTo("EDITOR");
		assertProblem(nullRole, 400, "role");
		assertThat(admin.get("/api/v1/users/" + name).json().get("role").asString()).isEqualTo("EDITOR");
	}

	/**
	 * An operation of the description that takes {@code application/json}, with its
	 * request schema.
	 */
	private record JsonOperation(String method, String path, JsonNode schema, Map<String, JsonNode> properties) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** A request body's media type with its limit, as the description gives it. */
	private record LimitedBody(String method, String path, String mediaType, long limit) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " (" + this.mediaType + ", " + this.limit + " bytes)";
		}

	}

	private List<JsonOperation> jsonOperations() {
		List<JsonOperation> operations = new ArrayList<>();
		description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode json = operation.getValue().path("requestBody").path("content").path("application/json");
			if (!json.isMissingNode()) {
				JsonNode schema = resolve(json.get("schema"));
				Map<String, JsonNode> properties = new LinkedHashMap<>();
				schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
				operations.add(new JsonOperation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), schema,
						properties));
			}
		}));
		return operations;
	}

	private List<LimitedBody> limitedBodies() {
		List<LimitedBody> bodies = new ArrayList<>();
		description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			operation.getValue().path("requestBody").path("content").properties().forEach(media -> {
				if (media.getValue().has(OpenApiConfiguration.MAX_BYTES)) {
					bodies.add(new LimitedBody(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
							media.getKey(), media.getValue().get(OpenApiConfiguration.MAX_BYTES).asLong()));
				}
			});
		}));
		return bodies;
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : description.at(ref.substring(1));
	}

	private static String type(JsonNode property) {
		if (property.has("$ref")) {
			return "object";
		}
		JsonNode type = property.path("type");
		return type.isArray() ? type.get(0).asString() : type.asString("object");
	}

	/**
	 * JSON values of another type than the description's: never coerced, always refused.
	 */
	private static List<String> wrongValues(String type) {
		return switch (type) {
			case "string" -> List.of("42", "true", "1.5");
			case "integer" -> List.of("\"7\"", "1.5", "true");
			case "boolean" -> List.of("\"true\"", "1");
			default -> List.of("42");
		};
	}

	private static Response send(HttpApi api, JsonOperation operation, String body) {
		String path = operation.path().replaceAll("\\{[^}]+}", "1");
		return switch (operation.method()) {
			case "POST" -> api.post(path, "application/json", body);
			case "PUT" -> api.put(path, "application/json", body);
			case "PATCH" -> api.patch(path, "application/json", body);
			default -> throw new IllegalStateException(operation + " takes a body?");
		};
	}

	private static void assertTooLarge(LimitedBody body, RawResponse response) {
		assertThat(response.status()).as(body + ": " + response.text()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(response.text());
		assertThat(problem.get("title").asString()).isEqualTo("Too large");
		assertThat(problem.get("field").asString()).isIn("body", "text");
		assertThat(problem.get("detail").asString()).contains("larger than");
	}

	/** A chunked body of {@code size} bytes that are not UTF-8, with its last chunk. */
	private static byte[] chunked(long size) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		Arrays.fill(chunk, (byte) 0xFF);
		for (long left = size; left > 0; left -= chunk.length) {
			int length = (int) Math.min(chunk.length, left);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(chunk, 0, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/**
	 * Sends a request as bytes on a socket, so that the test decides what the body says
	 * of its length and how much of it goes out, and reads the answer without waiting for
	 * the rest.
	 */
	private RawResponse raw(LimitedBody body, String lengthHeader, byte[] bytes) throws IOException {
		String head = body.method() + " " + body.path().replaceAll("\\{[^}]+}", "1") + " HTTP/1.1\r\n"
				+ "Host: localhost:" + port + "\r\n" + "Authorization: Bearer " + token.secret() + "\r\n"
				+ "Content-Type: " + body.mediaType() + "\r\n" + lengthHeader + "\r\n" + "Connection: close\r\n\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			return RawResponse.read(socket.getInputStream());
		}
	}

	private record RawResponse(int status, String contentType, String text) {

		static RawResponse read(InputStream in) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			String contentType = null;
			long length = -1;
			boolean chunked = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String name = header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT);
				String value = header.substring(header.indexOf(':') + 1).strip();
				switch (name) {
					case "content-type" -> contentType = value;
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
					default -> {
					}
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer
					.parseInt(line(in).strip(), 16)) {
					body.writeBytes(in.readNBytes(size));
					line(in);
				}
			}
			else if (length >= 0) {
				body.writeBytes(in.readNBytes((int) length));
			}
			return new RawResponse(status, contentType, body.toString(StandardCharsets.UTF_8));
		}

		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

	}

}
