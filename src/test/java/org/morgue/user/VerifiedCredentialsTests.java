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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that signs every request with HTTP Basic pays the password hash once, not on
 * every request; what was verified no longer counts once the password changes or the user
 * is disabled, and a wrong password is refused every time. A token's use is noted without
 * a write to PostgreSQL per request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifiedCredentialsTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	VerifiedCredentialsAuthenticationProvider passwords;

	@Autowired
	JdbcClient jdbc;

	String username;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		username = "client" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		users.create(username, TestUsers.PASSWORD, Role.READER);
	}

	@Test
	void aClientSigningEveryRequestPaysThePasswordHashOnce() {
		HttpApi client = HttpApi.as(port, username, TestUsers.PASSWORD);
		long before = passwords.hashes();

		for (int i = 0; i < 5; i++) {
			assertThat(client.get("/api/v1/articles?q=harbour").status()).isEqualTo(200);
		}

		assertThat(passwords.hashes() - before).isEqualTo(1);
	}

	@Test
	void aWrongPasswordIsRefusedEveryTimeEvenAfterTheRightOne() {
		assertThat(HttpApi.as(port, username, TestUsers.PASSWORD).get("/api/v1/articles").status()).isEqualTo(200);
		HttpApi wrong = HttpApi.as(port, username, "not-the-password");
		long before = passwords.hashes();

		for (int i = 0; i < 3; i++) {
			Response refused = wrong.get("/api/v1/articles");
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}

		assertThat(passwords.hashes() - before).isEqualTo(3);
		assertThat(HttpApi.as(port, "nobody-" + username, "x").get("/api/v1/articles").status()).isEqualTo(401);
	}

	@Test
	void verifiedCredentialsAreDroppedWhenThePasswordChanges() {
		HttpApi old = HttpApi.as(port, username, TestUsers.PASSWORD);
		assertThat(old.get("/api/v1/articles").status()).isEqualTo(200);

		users.update(username, null, null, "a-brand-new-password");

		assertThat(old.get("/api/v1/articles").status()).isEqualTo(401);
		assertThat(HttpApi.as(port, username, "a-brand-new-password").get("/api/v1/articles").status()).isEqualTo(200);

		// and when the user changes it back, by their own hand
		users.changePassword(username, "a-brand-new-password", TestUsers.PASSWORD);
		assertThat(HttpApi.as(port, username, "a-brand-new-password").get("/api/v1/articles").status()).isEqualTo(401);
		assertThat(old.get("/api/v1/articles").status()).isEqualTo(200);
	}

	@Test
	void verifiedCredentialsAreDroppedWhenTheUserIsDisabled() {
		HttpApi client = HttpApi.as(port, username, TestUsers.PASSWORD);
		assertThat(client.get("/api/v1/articles").status()).isEqualTo(200);

		users.update(username, null, false, null);

		assertThat(client.get("/api/v1/articles").status()).isEqualTo(401);

		users.update(username, null, true, null);
		assertThat(client.get("/api/v1/articles").status()).isEqualTo(200);
	}

	@Test
	void aRoleChangeCountsAtOnce() {
		HttpApi client = HttpApi.as(port, username, TestUsers.PASSWORD);
		assertThat(client.get("/api/v1/admin/index").status()).isEqualTo(403);

		users.update(username, Role.ADMIN, null, null);

		assertThat(client.get("/api/v1/admin/index").status()).isEqualTo(200);
		users.update(username, Role.READER, null, null);
		assertThat(client.get("/api/v1/admin/index").status()).isEqualTo(403);
	}

	@Test
	void aTokensUseIsNotWrittenOnEveryRequest() {
		HttpApi owner = HttpApi.as(port, username, TestUsers.PASSWORD);
		JsonNode created = owner.post("/api/v1/tokens", "application/json", "{\"name\": \"script\"}").json();
		long id = created.get("token").get("id").asLong();
		HttpApi script = HttpApi.withToken(port, created.get("secret").asString());

		for (int i = 0; i < 5; i++) {
			assertThat(script.get("/api/v1/articles").status()).isEqualTo(200);
		}

		// then: no write yet; the use is written when the tokens are listed (or within a
		// minute)
		assertThat(lastUsed(id)).isNull();
		JsonNode listed = owner.get("/api/v1/tokens").json();
		assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
		assertThat(lastUsed(id)).isNotNull();
	}

	private java.sql.Timestamp lastUsed(long id) {
		return jdbc.sql("select last_used_at from api_token where id = :id")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.optional()
			.orElse(null);
	}

}
