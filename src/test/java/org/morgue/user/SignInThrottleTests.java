package org.morgue.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules on a clock of the test's own: waits grow and are capped, an
 * attacker cannot keep a correct password from elsewhere out, and memory stays bounded.
 * Also measures what one attacker gets, the figure in docs/reliability.md.
 */
class SignInThrottleTests {

	static final SignInProperties DEFAULTS = new SignInProperties(5, 20, 20, Duration.ofSeconds(1),
			Duration.ofSeconds(60), Duration.ofMinutes(15), 10_000, Duration.ofDays(30), Duration.ofHours(1),
			Duration.ofDays(365));

	final SignInThrottle throttle = new SignInThrottle(DEFAULTS);

	Instant now = Instant.parse("2025-03-01T09:00:00Z");

	@Test
	void afterFiveFailuresEachAttemptOfThePairWaitsLongerUpToAMinute() {
		// given
		for (int i = 0; i < 4; i++) {
			throttle.failed("editor", "192.0.2.1", now);
			assertThat(waitFor("editor", "192.0.2.1")).as("after %d failures", i + 1).isEmpty();
		}

		// when / then: 1 s, 2 s, 4 s ... and never more than 60 s
		long[] expected = { 1, 2, 4, 8, 16, 32, 60, 60 };
		for (long seconds : expected) {
			throttle.failed("editor", "192.0.2.1", now);
			assertThat(waitFor("editor", "192.0.2.1")).contains(Duration.ofSeconds(seconds));
			now = now.plusSeconds(seconds);
			assertThat(waitFor("editor", "192.0.2.1")).as("after its wait").isEmpty();
		}
	}

	@Test
	void theRightPasswordFromAnAddressThatHasNotFailedIsNeverHeldBack() {
		// given: an attacker at one address, then at a hundred, fails for the account
		for (int i = 0; i < 10; i++) {
			throttle.failed("editor", "203.0.113.9", now);
		}
		for (int i = 0; i < 100; i++) {
			throttle.failed("editor", "198.51.100." + i, now);
		}

		// then: the attacker's addresses wait; the editor's own address does not
		assertThat(waitFor("editor", "203.0.113.9")).isPresent();
		assertThat(waitFor("editor", "198.51.100.7")).as("an address that failed once, on a hot account").isPresent();
		assertThat(waitFor("editor", "192.0.2.1")).isEmpty();
		assertThat(waitFor("reporter", "198.51.100.7")).as("another account from one of them").isEmpty();
	}

	@Test
	void anAddressTryingManyAccountsWaitsForAllOfThemButNotForOnesItSignedInTo() {
		// given: a newsroom address where the editor signed in earlier
		throttle.succeeded("editor", "192.0.2.1", now);
		// when: someone there tries one password on 20 accounts
		for (int i = 0; i < 20; i++) {
			throttle.failed("user" + i, "192.0.2.1", now);
		}

		// then
		assertThat(waitFor("user99", "192.0.2.1")).as("an account it never tried").isPresent();
		assertThat(waitFor("editor", "192.0.2.1")).as("the editor, trusted at this address").isEmpty();
	}

	@Test
	void aSuccessClearsThePairAndFailuresAreForgottenAfterAQuarterOfAnHour() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("editor", "192.0.2.1", now);
		}
		throttle.succeeded("editor", "192.0.2.1", now);
		throttle.failed("editor", "192.0.2.1", now);
		assertThat(waitFor("editor", "192.0.2.1")).as("four failures were cleared").isEmpty();

		for (int i = 0; i < 4; i++) {
			throttle.failed("reporter", "192.0.2.2", now);
		}
		now = now.plus(Duration.ofMinutes(16));
		throttle.failed("reporter", "192.0.2.2", now);
		assertThat(waitFor("reporter", "192.0.2.2")).as("old failures forgotten").isEmpty();
	}

	@Test
	void theThresholdIsReportedOncePerBurst() {
		for (int i = 1; i < 5; i++) {
			assertThat(throttle.failed("editor", "192.0.2.1", now).bursts()).isEmpty();
		}
		assertThat(throttle.failed("editor", "192.0.2.1", now).bursts()).containsExactly("account from this address");
		assertThat(throttle.failed("editor", "192.0.2.1", now).bursts()).isEmpty();
		boolean[] first = new boolean[1];
		throttle.waitFor("editor", "192.0.2.1", now, first);
		assertThat(first[0]).isTrue();
		throttle.waitFor("editor", "192.0.2.1", now, first);
		assertThat(first[0]).isFalse();
		assertThat(throttle.waiting(now)).extracting(SignInThrottle.Waiting::kind).contains("account and address");
	}

	@Test
	void anAttackerMakingUpAccountsAndAddressesCannotGrowItsMemoryPastTheLimit() {
		SignInThrottle small = new SignInThrottle(
				new SignInProperties(5, 20, 20, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
						100, Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(365)));
		for (int i = 0; i < 10_000; i++) {
			for (int j = 0; j < 5; j++) {
				small.failed("name" + i, "10.0." + (i / 250) + "." + (i % 250), now);
			}
		}

		assertThat(small.waiting(now)).hasSizeLessThanOrEqualTo(300);
	}

	/**
	 * One attacker, one address, one account, trying as fast as the throttle lets it: how
	 * many passwords it gets checked in the first minute and in an hour.
	 */
	@Test
	void oneAttackerGetsTenPasswordsCheckedInTheFirstMinuteAndAboutOneAMinuteAfter() {
		Instant start = now;
		int firstMinute = 0;
		int hour = 0;
		while (now.isBefore(start.plus(Duration.ofHours(1)))) {
			Optional<Duration> wait = waitFor("editor", "203.0.113.9");
			if (wait.isPresent()) {
				now = now.plus(wait.get());
				continue;
			}
			throttle.failed("editor", "203.0.113.9", now);
			hour++;
			if (now.isBefore(start.plus(Duration.ofMinutes(1)))) {
				firstMinute++;
			}
		}
		System.out.printf("Sign-in throttle: one attacker, one account, one address: %d passwords in the first minute,"
				+ " %d in an hour%n", firstMinute, hour);

		assertThat(firstMinute).isEqualTo(10);
		assertThat(hour).isBetween(60, 70);
	}

	/** One address guessing one password for account after account. */
	@Test
	void oneAddressSprayingAccountsGetsAboutOneAMinuteAfterItsFirstTwenty() {
		Instant start = now;
		int hour = 0;
		int account = 0;
		while (now.isBefore(start.plus(Duration.ofHours(1)))) {
			String name = "user" + account;
			Optional<Duration> wait = waitFor(name, "203.0.113.9");
			if (wait.isPresent()) {
				now = now.plus(wait.get());
				continue;
			}
			throttle.failed(name, "203.0.113.9", now);
			account++;
			hour++;
		}
		System.out.printf("Sign-in throttle: one address, a new account each time: %d passwords in an hour%n", hour);

		assertThat(hour).isBetween(80, 90);
	}

	private Optional<Duration> waitFor(String account, String address) {
		return throttle.waitFor(account, address, now, null);
	}

}
