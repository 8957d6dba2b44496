package org.morgue.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How repeated wrong passwords are slowed down, and how sign-ins are recorded.
 *
 * @param maxFailures failures for one account from one address before each further
 * attempt of that pair waits
 * @param addressMaxFailures failures from one address, whatever the accounts, before each
 * further attempt from it waits (guessing one password across many accounts)
 * @param accountMaxFailures failures for one account, from every address, before
 * addresses that have failed for it wait too; an address that has not failed for the
 * account, and one that signed in to it before, never waits for this
 * @param backoff the first wait; each further failure doubles it
 * @param maxBackoff the longest wait, so that no one is locked out for long
 * @param forgetAfter how long after its last failure an account or address starts afresh
 * @param tracked the most accounts, addresses and pairs followed at once (each kind)
 * @param trustFor how long an address that signed in to an account stays exempt from the
 * address and account waits for that account
 * @param tokenUseEvery how often an administrator's token use is recorded at most, per
 * token
 * @param keepAuditFor how long audit entries are kept; older ones are deleted every hour
 */
@ConfigurationProperties("morgue.security.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("20") int addressMaxFailures,
		@DefaultValue("20") int accountMaxFailures, @DefaultValue("1s") Duration backoff,
		@DefaultValue("60s") Duration maxBackoff, @DefaultValue("15m") Duration forgetAfter,
		@DefaultValue("10000") int tracked, @DefaultValue("30d") Duration trustFor,
		@DefaultValue("1h") Duration tokenUseEvery, @DefaultValue("365d") Duration keepAuditFor) {

	SignInProperties {
		if (maxFailures < 1 || addressMaxFailures < 1 || accountMaxFailures < 1) {
			throw new IllegalArgumentException("morgue.security.sign-in: the failure limits must be at least 1");
		}
		if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
			throw new IllegalArgumentException(
					"morgue.security.sign-in: backoff must be positive and max-backoff at least backoff");
		}
		if (keepAuditFor.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("morgue.security.sign-in.keep-audit-for must be at least a day");
		}
		if (tracked < 100) {
			throw new IllegalArgumentException("morgue.security.sign-in.tracked must be at least 100");
		}
	}

}
