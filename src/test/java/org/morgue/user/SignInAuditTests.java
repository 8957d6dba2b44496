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
 * The sign-in audit over HTTP, as the archive runs by default (no proxy): form sign-ins
 * and failures and Basic failures are recorded, an administrator's token once per hour
 * and a reader's not at all; administrators read it as JSON and as a page, others are
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ApiTokenService tokens;

	HttpApi admin;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
	}

	@Test
	void formSignInsAndFailuresAndBasicFailuresAreRecorded() {
		// given
		String name = newUser(Role.EDITOR);

		// when: a wrong password on the form, the right one, a wrong one over Basic
		HttpApi browser = HttpApi.anonymous(port);
		String form = "username=" + name + "&password=wrong-one&_csrf=" + browser.csrfToken("/login");
		Response failed = browser.post("/login", "application/x-www-form-urlencoded", form);
		HttpApi.signedIn(port, name, TestUsers.PASSWORD);
		HttpApi.as(port, name, "not-the-password").get("/api/v1/articles", "X-Forwarded-For", "203.0.113.1");

		// then
		assertThat(failed.header("Location")).endsWith("/login?error");
		JsonNode page = admin.get("/api/v1/admin/sign-ins?user=" + name.toUpperCase()).json();
		assertThat(page.get("total").asLong()).isEqualTo(3);
		JsonNode events = page.get("events");
		assertThat(events.get(0).get("kind").asString()).isEqualTo("sign-in.failed");
		assertThat(events.get(0).get("channel").asString()).isEqualTo("basic");
		assertThat(events.get(0).get("address").asString()).as("X-Forwarded-For is not believed without a proxy set")
			.isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(events.get(1).get("kind").asString()).isEqualTo("sign-in");
		assertThat(events.get(1).get("channel").asString()).isEqualTo("form");
		assertThat(events.get(2).get("kind").asString()).isEqualTo("sign-in.failed");
		assertThat(events.get(2).get("channel").asString()).isEqualTo("form");
		assertThat(events.get(2).get("detail").asString()).isEqualTo("wrong password");
		// and: the kind filter takes a kind with its sub-kinds, and pages
		assertThat(
				admin.get("/api/v1/admin/sign-ins?user=" + name + "&kind=sign-in.failed").json().get("total").asLong())
			.isEqualTo(2);
		JsonNode second = admin.get("/api/v1/admin/sign-ins?user=" + name + "&kind=sign-in&page=1&size=2").json();
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("events")).hasSize(1);
		assertThat(second.get("events").get(0).get("channel").asString()).isEqualTo("form");
	}

	@Test
	void anAdministratorsTokenIsRecordedOnceAnHourAReadersNever() {
		// given
		String chief = newUser(Role.ADMIN);
		String reader = newUser(Role.READER);
		HttpApi chiefToken = HttpApi.withToken(port, tokens.create(chief, "nightly export").secret());
		HttpApi readerToken = HttpApi.withToken(port, tokens.create(reader, "feed reader").secret());

		// when
		for (int i = 0; i < 3; i++) {
			assertThat(chiefToken.get("/api/v1/articles?size=1").status()).isEqualTo(200);
			assertThat(readerToken.get("/api/v1/articles?size=1").status()).isEqualTo(200);
		}

		// then
		JsonNode chiefs = admin.get("/api/v1/admin/sign-ins?kind=token.used&user=" + chief).json();
		assertThat(chiefs.get("total").asLong()).isEqualTo(1);
		assertThat(chiefs.get("events").get(0).get("detail").asString()).contains("nightly export");
		assertThat(chiefs.get("events").get(0).get("channel").asString()).isEqualTo("token");
		assertThat(admin.get("/api/v1/admin/sign-ins?user=" + reader).json().get("total").asLong()).isZero();
	}

	@Test
	void onlyAdministratorsSeeTheAuditAndTheThrottle() {
		String name = newUser(Role.EDITOR);
		HttpApi.as(port, name, "not-the-password").get("/api/v1/articles");

		HttpApi editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		for (String path : new String[] { "/api/v1/admin/sign-ins", "/api/v1/admin/sign-ins/throttle" }) {
			Response refused = editor.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD).get("/admin/sign-ins").status())
			.isEqualTo(403);

		JsonNode throttle = admin.get("/api/v1/admin/sign-ins/throttle").json();
		assertThat(throttle.get("failures").asLong()).isPositive();
		assertThat(throttle.has("waiting")).isTrue();
		Response page = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD).get("/admin/sign-ins?user=" + name);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("1 entry").contains(name).contains("wrong password");
	}

	@Test
	void entriesOlderThanTheRetentionAreDeleted(@Autowired SignInAuditStore store, @Autowired SignInAudit audit) {
		String old = "old-" + UUID.randomUUID();
		String recent = "recent-" + UUID.randomUUID();
		store.insert(java.time.Instant.now().minus(java.time.Duration.ofDays(400)), "sign-in.failed", old, "192.0.2.1",
				"form", "wrong password");
		store.insert(java.time.Instant.now().minus(java.time.Duration.ofDays(300)), "sign-in.failed", recent,
				"192.0.2.1", "form", "wrong password");

		assertThat(audit.forgetOld()).isGreaterThanOrEqualTo(1);

		assertThat(store.count(old, null)).isZero();
		assertThat(store.count(recent, null)).isEqualTo(1);
	}

	@Test
	void aBadFilterIsA400NamingIt() {
		Response kind = admin.get("/api/v1/admin/sign-ins?kind=everything");
		Response size = admin.get("/api/v1/admin/sign-ins?size=1000");
		Response page = admin.get("/api/v1/admin/sign-ins?page=2000000000&size=200");

		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.contentType()).startsWith("application/problem+json");
		assertThat(kind.json().get("field").asString()).isEqualTo("kind");
		assertThat(size.json().get("field").asString()).isEqualTo("size");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.json().get("field").asString()).isEqualTo("page");
	}

	private String newUser(Role role) {
		String name = "a" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, TestUsers.PASSWORD, role);
		return name;
	}

}
