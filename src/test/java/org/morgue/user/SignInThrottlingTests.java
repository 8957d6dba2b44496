package org.morgue.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords over HTTP Basic against the running archive behind a (pretended)
 * reverse proxy: the client's address comes from {@code X-Forwarded-For}, short limits
 * and a clock the test moves, so that waits end without sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native", "morgue.security.sign-in.max-failures=3",
				"morgue.security.sign-in.account-max-failures=6", "morgue.security.sign-in.address-max-failures=1000",
				"morgue.security.sign-in.backoff=1s", "morgue.security.sign-in.max-backoff=4s" })
@Import(SignInThrottlingTests.Clocks.class)
class SignInThrottlingTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	MovableClock clock;

	@Autowired
	SignInAudit audit;

	String username;

	@BeforeEach
	void createUser() {
		username = "t" + UUID.randomUUID().toString().substring(0, 8);
		users.create(username, TestUsers.PASSWORD, Role.EDITOR);
	}

	@Test
	void wrongPasswordsWaitLongerEachTimeWith429AndRetryAfterUntilTheWaitEnds() {
		// given: three wrong passwords from one address
		HttpApi wrong = HttpApi.as(port, username, "not-the-password");
		HttpApi right = HttpApi.as(port, username, TestUsers.PASSWORD);
		for (int i = 0; i < 3; i++) {
			assertThat(from(wrong, "203.0.113.7").status()).isEqualTo(401);
		}

		// when: a fourth attempt, even with the right password
		Response refused = from(right, "203.0.113.7");

		// then: refused unchecked, with how long to wait
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.json().get("detail").asString()).contains("1 seconds");

		// and: after the wait one more guess is checked, and the next wait is longer
		clock.move(Duration.ofSeconds(1));
		assertThat(from(wrong, "203.0.113.7").status()).isEqualTo(401);
		assertThat(from(right, "203.0.113.7").header("Retry-After")).isEqualTo("2");
		clock.move(Duration.ofSeconds(2));
		assertThat(from(wrong, "203.0.113.7").status()).isEqualTo(401);
		assertThat(from(wrong, "203.0.113.7").header("Retry-After")).isEqualTo("4");
		clock.move(Duration.ofSeconds(4));
		assertThat(from(wrong, "203.0.113.7").status()).isEqualTo(401);
		assertThat(from(wrong, "203.0.113.7").header("Retry-After")).as("capped at max-backoff").isEqualTo("4");

		// and: when the wait is over the right password signs in, and clears the pair
		clock.move(Duration.ofSeconds(4));
		assertThat(from(right, "203.0.113.7").status()).isEqualTo(200);
		assertThat(from(wrong, "203.0.113.7").status()).isEqualTo(401);
		assertThat(from(right, "203.0.113.7").status()).isEqualTo(200);
	}

	@Test
	void theRightPasswordFromAnotherAddressSignsInWhileTheAttackerWaits() {
		// given: an attacker at one address, then at six more, fails for the account
		HttpApi wrong = HttpApi.as(port, username, "not-the-password");
		for (int i = 0; i < 4; i++) {
			from(wrong, "203.0.113.8");
		}
		for (int i = 0; i < 6; i++) {
			from(wrong, "198.51.100." + i);
		}
		assertThat(from(wrong, "203.0.113.8").status()).isEqualTo(429);
		assertThat(from(wrong, "198.51.100.3").status()).as("the account's limit holds back its failing addresses")
			.isEqualTo(429);

		// when: the editor signs in from the newsroom
		Response editor = from(HttpApi.as(port, username, TestUsers.PASSWORD), "192.0.2.44");

		// then
		assertThat(editor.status()).isEqualTo(200);
		assertThat(audit.report().waiting()).anySatisfy((waiting) -> {
			assertThat(waiting.account()).isEqualTo(username.toLowerCase());
			assertThat(waiting.address()).isEqualTo("203.0.113.8");
		});
	}

	@Test
	void failuresAreAuditedWithTheForwardedAddressAndABurstOnce() {
		HttpApi wrong = HttpApi.as(port, username, "not-the-password");
		for (int i = 0; i < 5; i++) {
			from(wrong, "203.0.113.9");
		}

		assertThat(audit.events(username, "sign-in.failed", 0, 10)).hasSize(3).allSatisfy((event) -> {
			assertThat(event.address()).isEqualTo("203.0.113.9");
			assertThat(event.channel()).isEqualTo("basic");
			assertThat(event.detail()).isEqualTo("wrong password");
		});
		assertThat(audit.events(username, "sign-in.throttled", 0, 10)).singleElement()
			.satisfies((event) -> assertThat(event.detail()).contains("account from this address"));
	}

	private static Response from(HttpApi api, String address) {
		return api.get("/api/v1/articles?size=1", "X-Forwarded-For", address);
	}

	/** A clock that stands still unless the test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
