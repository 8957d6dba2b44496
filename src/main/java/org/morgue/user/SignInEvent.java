package org.morgue.user;

import java.time.Instant;

/**
 * One entry of the sign-in audit.
 *
 * @param id the entry's number
 * @param time when
 * @param kind {@code sign-in} (a sign-in by the form), {@code sign-in.failed} (a wrong
 * password, an unknown or disabled account, by the form or HTTP Basic),
 * {@code sign-in.throttled} (failures reached a limit: further attempts wait) or
 * {@code token.used} (an administrator's API token, at most once an hour per token)
 * @param username the account as given (cut to 100 characters)
 * @param address the client's address
 * @param channel {@code form}, {@code basic} or {@code token}
 * @param detail what happened, e.g. "wrong password" or the token's name
 */
public record SignInEvent(long id, Instant time, String kind, String username, String address, String channel,
		String detail) {

}
