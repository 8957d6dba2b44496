package org.morgue.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down repeated wrong passwords without locking anyone out for long. Three things
 * are followed: each pair of account and client address (the strictest: after
 * {@code max-failures} failures each further attempt of the pair waits, 1 s, 2 s, 4 s...
 * up to {@code max-backoff}), each address whatever the accounts (guessing one password
 * for many accounts), and each account whatever the addresses (guessing from many
 * addresses). The account's wait only holds back addresses that have themselves failed
 * for the account, so an attacker cannot keep the real editor out: a correct password
 * from an address that has not been failing is checked as usual. An address that signed
 * in to an account is trusted for it for {@code trust-for}: the address and account waits
 * do not apply to it (the pair's own wait still does). A success clears the pair. An
 * attempt that must wait is refused without its password being checked, and is not
 * counted as a failure, so the waits are what an attacker gets, predictably.
 *
 * <p>
 * The state is in this process's memory, one node's view: on several nodes behind a
 * balancer each node throttles on its own (an attacker gets a node's allowance per node),
 * and a restart starts afresh. Every map is bounded ({@code tracked} entries, the least
 * recently touched dropped first), so no one can grow it without limit. Thread-safe: all
 * methods are synchronized, each a few map operations.
 */
class SignInThrottle {

	/** What a failure did: the thresholds it crossed, to report. */
	record Failure(List<String> bursts) {
	}

	/** A client that must wait, for the admin page. */
	record Waiting(String kind, String account, String address, int failures, Instant until) {
	}

	private static final class Failures {

		int count;

		Instant last;

		Instant blockedUntil = Instant.MIN;

		/** Whether a refusal during the current wait was already logged. */
		boolean refusalReported;

	}

	private final SignInProperties properties;

	private final Map<String, Failures> pairs;

	private final Map<String, Failures> addresses;

	private final Map<String, Failures> accounts;

	/** Account and address pairs that signed in, with when they last did. */
	private final Map<String, Instant> trusted;

	SignInThrottle(SignInProperties properties) {
		this.properties = properties;
		this.pairs = bounded(properties.tracked());
		this.addresses = bounded(properties.tracked());
		this.accounts = bounded(properties.tracked());
		this.trusted = bounded(properties.tracked());
	}

	/**
	 * How long this attempt must wait before it may be checked; empty if it may be
	 * checked now.
	 * @param firstRefusal set to whether this is the first refusal of the wait (to log)
	 */
	synchronized Optional<Duration> waitFor(String account, String address, Instant now, boolean[] firstRefusal) {
		String pairKey = pair(account, address);
		Instant until = until(pairs, pairKey, now);
		Failures reported = pairs.get(pairKey);
		if (!isTrusted(pairKey, now)) {
			Instant addressUntil = until(addresses, address, now);
			if (addressUntil.isAfter(until)) {
				until = addressUntil;
				reported = addresses.get(address);
			}
			Failures pair = pairs.get(pairKey);
			if (pair != null && pair.count > 0) {
				Instant accountUntil = until(accounts, key(account), now);
				if (accountUntil.isAfter(until)) {
					until = accountUntil;
					reported = accounts.get(key(account));
				}
			}
		}
		if (!until.isAfter(now)) {
			return Optional.empty();
		}
		if (firstRefusal != null && firstRefusal.length > 0) {
			firstRefusal[0] = reported != null && !reported.refusalReported;
		}
		if (reported != null) {
			reported.refusalReported = true;
		}
		return Optional.of(Duration.between(now, until));
	}

	/** Notes a wrong password (or an unknown or disabled account). */
	synchronized Failure failed(String account, String address, Instant now) {
		List<String> bursts = new ArrayList<>(3);
		if (count(pairs, pair(account, address), properties.maxFailures(), now)) {
			bursts.add("account from this address");
		}
		if (count(addresses, address, properties.addressMaxFailures(), now)) {
			bursts.add("this address");
		}
		if (count(accounts, key(account), properties.accountMaxFailures(), now)) {
			bursts.add("this account");
		}
		return new Failure(bursts);
	}

	/** Notes a correct password: the pair starts afresh and is trusted. */
	synchronized void succeeded(String account, String address, Instant now) {
		String pairKey = pair(account, address);
		pairs.remove(pairKey);
		trusted.put(pairKey, now);
	}

	/** The clients that must wait now, longest wait first. */
	synchronized List<Waiting> waiting(Instant now) {
		List<Waiting> waiting = new ArrayList<>();
		pairs.forEach((key, failures) -> {
			if (failures.blockedUntil.isAfter(now)) {
				int split = key.indexOf('\n');
				waiting.add(new Waiting("account and address", key.substring(0, split), key.substring(split + 1),
						failures.count, failures.blockedUntil));
			}
		});
		addresses.forEach((key, failures) -> {
			if (failures.blockedUntil.isAfter(now)) {
				waiting.add(new Waiting("address", null, key, failures.count, failures.blockedUntil));
			}
		});
		accounts.forEach((key, failures) -> {
			if (failures.blockedUntil.isAfter(now)) {
				waiting.add(new Waiting("account", key, null, failures.count, failures.blockedUntil));
			}
		});
		waiting.sort(Comparator.comparing(Waiting::until).reversed());
		return waiting;
	}

	private boolean isTrusted(String pairKey, Instant now) {
		Instant since = trusted.get(pairKey);
		return since != null && since.plus(properties.trustFor()).isAfter(now);
	}

	/** When the key's wait ends (in the past if it need not wait). */
	private Instant until(Map<String, Failures> map, String key, Instant now) {
		Failures failures = current(map, key, now);
		return (failures != null) ? failures.blockedUntil : Instant.MIN;
	}

	/**
	 * Counts a failure.
	 * @return whether it reached the limit just now: a burst to report
	 */
	private boolean count(Map<String, Failures> map, String key, int limit, Instant now) {
		Failures failures = current(map, key, now);
		if (failures == null) {
			failures = new Failures();
			map.put(key, failures);
		}
		failures.count++;
		failures.last = now;
		if (failures.count >= limit) {
			failures.blockedUntil = now.plus(backoff(failures.count - limit));
			failures.refusalReported = false;
		}
		return failures.count == limit;
	}

	/** The wait after the {@code beyond}-th failure past the limit (0: the first). */
	Duration backoff(int beyond) {
		Duration max = properties.maxBackoff();
		Duration wait = properties.backoff();
		for (int i = 0; i < beyond && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(max) > 0) ? max : wait;
	}

	/** The key's failures, unless forgotten (long enough since the last one). */
	private Failures current(Map<String, Failures> map, String key, Instant now) {
		Failures failures = map.get(key);
		if (failures != null && failures.last.plus(properties.forgetAfter()).isBefore(now)
				&& !failures.blockedUntil.isAfter(now)) {
			map.remove(key);
			return null;
		}
		return failures;
	}

	private static String pair(String account, String address) {
		return key(account) + '\n' + address;
	}

	private static String key(String account) {
		return SignInAudit.shortened(account).toLowerCase(Locale.ROOT);
	}

	private static <V> Map<String, V> bounded(int max) {
		return new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > max;
			}

		};
	}

}
