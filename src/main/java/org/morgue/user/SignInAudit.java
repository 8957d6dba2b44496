package org.morgue.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.morgue.system.WorkClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The record of who signed in: sign-ins by the form, failed passwords, bursts of failures
 * (logged at WARN with account and address, and counted), and administrators' token use,
 * kept in PostgreSQL for administrators to read. Recording never stands in the way of a
 * sign-in: when the database cannot take an entry, it is logged and the sign-in goes on.
 */
@Service
public class SignInAudit {

	/** The longest account name or address recorded; longer ones are cut. */
	static final int MAX_LENGTH = 100;

	private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

	private final SignInAuditStore store;

	private final SignInThrottle throttle;

	private final SignInProperties properties;

	private final Clock clock;

	private final AtomicLong signIns = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong bursts = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	/** When each token's use was last recorded; bounded, least recent dropped. */
	private final Map<Long, Instant> tokenUses;

	/**
	 * The claim of the node deleting old entries, so that of several nodes one at a time
	 * does (the delete is the same from any node, so each may do it in its turn).
	 */
	static final String PURGE_CLAIM = "sign-in-audit-purge";

	private final WorkClaims claims;

	SignInAudit(SignInAuditStore store, SignInThrottle throttle, SignInProperties properties, WorkClaims claims,
			Optional<Clock> clock) {
		this.claims = claims;
		this.store = store;
		this.throttle = throttle;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
		int max = properties.tracked();
		this.tokenUses = new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
				return size() > max;
			}

		};
	}

	/**
	 * Deletes the entries older than {@code keep-audit-for}, so that a flood of failed
	 * sign-ins from many addresses cannot fill the database. Of several archive nodes,
	 * one at a time: while another holds {@link #PURGE_CLAIM}, this one leaves it to that
	 * one.
	 * @return how many were deleted (0 when another node is at it)
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	public int forgetOld() {
		if (!claims.claim(PURGE_CLAIM, null)) {
			return 0;
		}
		int deleted;
		try {
			deleted = store.deleteBefore(clock.instant().minus(properties.keepAuditFor()));
		}
		finally {
			claims.release(PURGE_CLAIM);
		}
		if (deleted > 0) {
			log.info("Sign-in audit: {} entries older than {} deleted", deleted, properties.keepAuditFor());
		}
		return deleted;
	}

	/**
	 * The entries, newest first.
	 * @param username only this account's (any case), or null for all
	 * @param kind only this kind and its sub-kinds ({@code sign-in} takes
	 * {@code sign-in.failed} too), or null for all
	 */
	public List<SignInEvent> events(String username, String kind, int offset, int limit) {
		return store.list(blankToNull(username), blankToNull(kind), offset, limit);
	}

	/** How many entries {@link #events} would list in all. */
	public long count(String username, String kind) {
		return store.count(blankToNull(username), blankToNull(kind));
	}

	/** This node's counts since it started, and who must wait now. */
	public SignInReport report() {
		List<SignInReport.Waiting> waiting = throttle.waiting(clock.instant())
			.stream()
			.map((w) -> new SignInReport.Waiting(w.kind(), w.account(), w.address(), w.failures(), w.until()))
			.toList();
		return new SignInReport(signIns.get(), failures.get(), bursts.get(), refused.get(), waiting);
	}

	void signedIn(String username, String address, String channel) {
		signIns.incrementAndGet();
		record("sign-in", username, address, channel, null);
	}

	void failed(String username, String address, String channel, String reason, SignInThrottle.Failure failure) {
		failures.incrementAndGet();
		record("sign-in.failed", username, address, channel, reason);
		for (String burst : failure.bursts()) {
			bursts.incrementAndGet();
			log.warn("Sign-in failures for account '{}' from {} reached the limit for {}: further attempts wait",
					shortened(username), address, burst);
			record("sign-in.throttled", username, address, channel, "too many failures for " + burst);
		}
	}

	void refused(String username, String address, Duration wait, boolean firstOfWait) {
		refused.incrementAndGet();
		if (firstOfWait) {
			// once per wait, not per attempt: an attacker's hammering must not flood the
			// log
			log.warn("Sign-in for account '{}' from {} refused: too many failures, it waits {} s", shortened(username),
					address, Math.max(1, wait.toSeconds()));
		}
	}

	/**
	 * Records that an administrator's token was used, unless it was recorded within
	 * {@code morgue.security.sign-in.token-use-every}.
	 */
	void tokenUsed(long tokenId, String tokenName, String username, String address) {
		Instant now = clock.instant();
		synchronized (tokenUses) {
			Instant last = tokenUses.get(tokenId);
			if (last != null && last.plus(properties.tokenUseEvery()).isAfter(now)) {
				return;
			}
			tokenUses.put(tokenId, now);
		}
		record("token.used", username, address, "token", "token '" + tokenName + "' (" + tokenId + ")");
	}

	private void record(String kind, String username, String address, String channel, String detail) {
		try {
			store.insert(clock.instant(), kind, shortened(username), shortened(address), channel, detail);
		}
		catch (DataAccessException ex) {
			log.warn("Sign-in audit entry not written ({} '{}' from {}): {}", kind, shortened(username), address,
					ex.toString());
		}
	}

	static String shortened(String text) {
		if (text == null) {
			return "";
		}
		String cut = (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text;
		// a name typed by anyone goes into the log: no line breaks or other control
		// characters
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

	private static String blankToNull(String text) {
		return StringUtils.hasText(text) ? text.strip() : null;
	}

}
