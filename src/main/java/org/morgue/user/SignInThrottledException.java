package org.morgue.user;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused unchecked because its account or address failed too often lately:
 * answered 429 with {@code Retry-After} by the API, and with a message on the sign-in
 * page.
 */
class SignInThrottledException extends AccountStatusException {

	private final Duration wait;

	SignInThrottledException(Duration wait) {
		super("Too many failed sign-ins; try again in " + seconds(wait) + " s");
		this.wait = wait;
	}

	/** Whole seconds to wait, at least 1. */
	long retryAfterSeconds() {
		return seconds(wait);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
