package org.morgue.user;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, over HTTP: nothing anonymous, readers read, editors edit, admins
 * administer; tokens work until revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi anonymous;

	HttpApi reader;

	HttpApi editor;

	HttpApi admin;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		anonymous = HttpApi.anonymous(port);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
	}

	@Test
	void anonymousApiCallsGet401WithAChallenge() {
		Response response = anonymous.get("/api/v1/articles");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).contains("Basic").contains("Bearer");
	}

	@Test
	void anonymousPagesGoToTheLoginPage() {
		for (String page : new String[] { "/articles", "/articles/1", "/articles/new", "/admin/users", "/account",
				"/swagger-ui.html" }) {
			Response response = anonymous.get(page);
			assertThat(response.status()).as(page).isEqualTo(302);
			assertThat(response.header("Location")).as(page).endsWith("/login");
		}
		assertThat(anonymous.get("/login").status()).isEqualTo(200);
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
	}

	@Test
	void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
		// given: an upload that announces 100 MB and sends only its first part
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			String part = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.ndjson\"\r\n\r\n{}\r\n";
			socket.getOutputStream()
				.write(("POST /admin/import HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000000\r\n\r\n" + part)
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();

			// when: the server answers without waiting for the rest
			String status = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
				.readLine();

			// then
			assertThat(status).startsWith("HTTP/1.1 403");
		}
	}

	@Test
	void theFirstStartCreatedAdminWithTheConfiguredPassword() {
		Response response = HttpApi.as(port, "admin", TestUsers.FIRST_ADMIN_PASSWORD).get("/api/v1/users/admin");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("role").asString()).isEqualTo("ADMIN");
		assertThat(response.json().get("createdBy").asString()).isEqualTo("system");
	}

	@Test
	void aWrongPasswordIsRefused() {
		Response response = HttpApi.as(port, TestUsers.EDITOR, "not-the-password").get("/api/v1/articles");

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void aReaderCanReadButNotEdit() {
		long id = editor.post("/api/v1/articles", "text/plain", "A story filed on " + UUID.randomUUID() + ".")
			.json()
			.get("id")
			.asLong();

		assertThat(reader.get("/api/v1/articles/" + id).status()).isEqualTo(200);
		Response create = reader.post("/api/v1/articles", "text/plain", "Reader copy " + UUID.randomUUID());
		Response correct = reader.patch("/api/v1/articles/" + id, "application/json",
				"{\"title\": \"x\", \"version\": 0}");
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.contentType()).startsWith("application/problem+json");
		assertThat(correct.status()).isEqualTo(403);
		assertThat(reader.delete("/api/v1/articles/" + id).status()).isEqualTo(403);
		HttpApi readerPages = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		assertThat(readerPages.get("/articles/" + id).status()).isEqualTo(200);
		assertThat(readerPages.get("/articles/" + id + "/edit").status()).isEqualTo(403);
		assertThat(readerPages.get("/articles/new").status()).isEqualTo(403);
		assertThat(readerPages.get("/admin/users").status()).isEqualTo(403);
	}

	@Test
	void aRequestOneMayNotMakeIsRefusedWhateverItsBody() {
		// when: a reader sends editors' and administrators' requests with bodies that are
		// wrong too
		Response broken = reader.post("/api/v1/articles", "application/json", "{\"body\": ");
		Response unknownField = reader.patch("/api/v1/tags/anything", "application/json", "{\"colour\": \"red\"}");
		Response tooLarge = reader.post("/api/v1/tags/anything/merge", "application/json",
				"{\"into\": \"" + "x".repeat(200_000) + "\"}");
		Response users = reader.post("/api/v1/users", "application/json", "[]");

		// then: each is refused for what it is, not for its body
		for (Response refused : new Response[] { broken, unknownField, tooLarge, users }) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		// and: an editor sending the same broken body is told what is wrong with it
		assertThat(editor.post("/api/v1/articles", "application/json", "{\"body\": ").status()).isEqualTo(400);
	}

	@Test
	void aPageSessionCallingTheApiMustSendTheCsrfToken() {
		// given
		HttpApi session = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		String token = session.csrfToken("/articles/new");
		String copy = "Copy sent from a page on " + UUID.randomUUID() + ".";

		// when
		Response forged = session.post("/api/v1/articles", "text/plain", copy);
		Response own = session.postWithHeader("/api/v1/articles", "text/plain", copy, "X-CSRF-TOKEN", token);

		// then
		assertThat(forged.status()).isEqualTo(403);
		assertThat(own.status()).isEqualTo(201);
		assertThat(session.get("/api/v1/articles/" + own.json().get("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void theArticlePagesOwnCallsForTagsAndNotesNeedTheCsrfToken() {
		// given
		HttpApi session = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		String token = session.csrfToken("/articles/new");
		long id = session
			.postWithHeader("/api/v1/articles", "text/plain",
					"Ferries stopped on " + UUID.randomUUID() + ", the harbour said.", "X-CSRF-TOKEN", token)
			.json()
			.get("id")
			.asLong();
		String note = """
				{"body": {"type": "TextualBody", "value": "Check."},
				 "target": {"selector": {"type": "TextQuoteSelector", "exact": "the harbour said"}}}""";

		// when: another site makes the signed-in browser call the API, without the page's
		// token
		Response forgedTag = session.put("/api/v1/articles/" + id + "/tags/Forged");
		Response forgedNote = session.post("/api/v1/articles/" + id + "/annotations", "application/json", note);
		Response forgedUntag = session.delete("/api/v1/articles/" + id + "/tags/Forged");

		// then
		assertThat(forgedTag.status()).isEqualTo(403);
		assertThat(forgedNote.status()).isEqualTo(403);
		assertThat(forgedUntag.status()).isEqualTo(403);
		assertThat(session.get("/api/v1/articles/" + id).json().get("tags")).isEmpty();
		assertThat(session.get("/api/v1/articles/" + id + "/annotations").json().get("total").asInt()).isZero();
		assertThat(
				session.put("/api/v1/articles/" + id + "/tags/Mine", "text/plain", "", "X-CSRF-TOKEN", token).status())
			.isEqualTo(200);
	}

	@Test
	void onlyAdminsManageUsers() {
		String name = "u" + UUID.randomUUID().toString().substring(0, 8);
		String json = "{\"username\": \"" + name + "\", \"password\": \"long-enough-pw\", \"role\": \"EDITOR\"}";

		Response byEditor = editor.post("/api/v1/users", "application/json", json);
		Response byAdmin = admin.post("/api/v1/users", "application/json", json);
		Response again = admin.post("/api/v1/users", "application/json", json);
		Response badRole = admin.post("/api/v1/users", "application/json",
				"{\"username\": \"x" + name + "\", \"password\": \"long-enough-pw\", \"role\": \"BOSS\"}");
		Response shortPassword = admin.post("/api/v1/users", "application/json",
				"{\"username\": \"y" + name + "\", \"password\": \"short\", \"role\": \"READER\"}");

		assertThat(byEditor.status()).isEqualTo(403);
		assertThat(byAdmin.status()).isEqualTo(201);
		assertThat(byAdmin.json().get("role").asString()).isEqualTo("EDITOR");
		assertThat(byAdmin.text()).doesNotContain("long-enough-pw").doesNotContain("password");
		assertThat(again.status()).isEqualTo(409);
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.json().get("field").asString()).isEqualTo("role");
		assertThat(shortPassword.json().get("field").asString()).isEqualTo("password");
		assertThat(HttpApi.as(port, name, "long-enough-pw")
			.post("/api/v1/articles", "text/plain", "Copy from a new editor " + UUID.randomUUID())
			.status()).isEqualTo(201);
	}

	@Test
	void aDisabledUserCannotSignIn() {
		String name = "d" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, "long-enough-pw", Role.READER);

		admin.patch("/api/v1/users/" + name, "application/json", "{\"enabled\": false}");

		assertThat(HttpApi.as(port, name, "long-enough-pw").get("/api/v1/articles").status()).isEqualTo(401);
	}

	@Test
	void aTokenWorksUntilRevoked() {
		// given
		Response created = reader.post("/api/v1/tokens", "application/json", "{\"name\": \"feed reader\"}");
		JsonNode token = created.json();
		String secret = token.get("secret").asString();
		HttpApi withToken = HttpApi.withToken(port, secret);

		// when
		Response before = withToken.get("/api/v1/articles");
		Response listed = reader.get("/api/v1/tokens");
		Response revoked = reader.delete("/api/v1/tokens/" + token.get("token").get("id").asLong());
		Response after = withToken.get("/api/v1/articles");

		// then
		assertThat(created.status()).isEqualTo(201);
		assertThat(secret).startsWith("mrg_");
		assertThat(before.status()).isEqualTo(200);
		assertThat(listed.text()).contains("feed reader").doesNotContain(secret);
		assertThat(revoked.status()).isEqualTo(204);
		assertThat(after.status()).isEqualTo(401);
		assertThat(HttpApi.withToken(port, "mrg_made-up").get("/api/v1/articles").status()).isEqualTo(401);
	}

	@Test
	void aTokenCarriesItsOwnersRole() {
		String secret = reader.post("/api/v1/tokens", "application/json", "{\"name\": \"script\"}")
			.json()
			.get("secret")
			.asString();

		Response response = HttpApi.withToken(port, secret)
			.post("/api/v1/articles", "text/plain", "Copy sent with a reader's token " + UUID.randomUUID());

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void theLastAdministratorCannotBeDemoted() {
		// The shared test database may hold other administrators; demote all but one
		// first.
		var admins = users.list().stream().filter(u -> u.role() == Role.ADMIN && u.enabled()).toList();
		UserSummary last = admins.get(admins.size() - 1);
		String lastPassword = "last-admin-pw";
		users.update(last.username(), null, null, lastPassword);
		for (UserSummary other : admins.subList(0, admins.size() - 1)) {
			users.update(other.username(), Role.EDITOR, null, null);
		}
		try {
			Response response = HttpApi.as(port, last.username(), lastPassword)
				.patch("/api/v1/users/" + last.username(), "application/json", "{\"role\": \"READER\"}");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("detail").asString()).contains("last administrator");
		}
		finally {
			for (UserSummary other : admins.subList(0, admins.size() - 1)) {
				users.update(other.username(), Role.ADMIN, null, null);
			}
			users.update(last.username(), null, null,
					last.username().equals(TestUsers.ADMIN) ? TestUsers.PASSWORD : TestUsers.FIRST_ADMIN_PASSWORD);
		}
	}

}
