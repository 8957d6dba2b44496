package org.morgue.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.morgue.system.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Personal API tokens: created by their owner, shown once, stored as hashes, revocable.
 */
@Service
public class ApiTokenService {

	static final String TOKEN_MARK = "mrg_";

	/** The longest name a token may have, in characters. */
	public static final int MAX_NAME = 100;

	private static final int PREFIX_LENGTH = TOKEN_MARK.length() + 6;

	private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);

	/**
	 * Recording every use would write on every request; noted in memory and written once
	 * a minute is enough to tell stale tokens.
	 */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	/** Uses of tokens not yet written: the latest of each token. */
	private final Map<Long, Instant> unwrittenUses = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final ApiTokenRepository tokens;

	private final UserAccountRepository users;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final SignInAudit audit;

	ApiTokenService(ApiTokenRepository tokens, UserAccountRepository users, JdbcClient jdbc, Workers workers,
			SignInAudit audit, Optional<Clock> clock) {
		this.audit = audit;
		this.tokens = tokens;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
		long every = LAST_USED_RESOLUTION.toMillis();
		workers.timer().scheduleWithFixedDelay(this::writeUses, every, every, TimeUnit.MILLISECONDS);
	}

	@Transactional
	public NewApiToken create(String username, String name) {
		if (!StringUtils.hasText(name) || name.strip().length() > MAX_NAME) {
			throw new InvalidUserException("name",
					"Give the token a name of 1 to 100 characters, e.g. the script that uses it.");
		}
		UserAccount user = user(username);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = TOKEN_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens.save(
				new ApiToken(user, name.strip(), secret.substring(0, PREFIX_LENGTH), hash(secret), Instant.now(clock)));
		return new NewApiToken(token.toSummary(), secret);
	}

	/** A user's tokens, newest first, each with when it was last used. */
	@Transactional
	public List<ApiTokenSummary> list(String username) {
		writeUses();
		return tokens.findByUserIdOrderByCreatedAtDesc(user(username).getId())
			.stream()
			.map(ApiToken::toSummary)
			.toList();
	}

	/**
	 * @throws UserNotFoundException when the user has no such token
	 */
	@Transactional
	public ApiTokenSummary revoke(String username, long tokenId) {
		ApiToken token = tokens.findByIdAndUserId(tokenId, user(username).getId())
			.orElseThrow(() -> new UserNotFoundException("You have no token " + tokenId + "."));
		token.revoke(Instant.now(clock));
		return token.toSummary();
	}

	/**
	 * The enabled user a live token belongs to, noting in memory when it was used: one
	 * select, outside a transaction, and no write (uses are written once a minute, and
	 * before tokens are listed). An administrator's token use goes to the sign-in audit,
	 * at most once an hour per token.
	 * @param address the client's address, for the audit
	 */
	Optional<UserDetails> authenticate(String secret, String address) {
		if (secret == null || !secret.startsWith(TOKEN_MARK)) {
			return Optional.empty();
		}
		record Found(long id, String name, String username, String passwordHash, Role role) {
		}
		Optional<Found> found = jdbc.sql("""
				select t.id, t.last_used_at, u.username, u.password_hash, u.role, t.name
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = :hash and t.revoked_at is null and u.enabled""")
			.param("hash", hash(secret))
			.query((rs, row) -> {
				long id = rs.getLong(1);
				OffsetDateTime lastUsed = rs.getObject(2, OffsetDateTime.class);
				Instant now = Instant.now(clock);
				if (lastUsed == null || lastUsed.toInstant().plus(LAST_USED_RESOLUTION).isBefore(now)) {
					unwrittenUses.merge(id, now, ApiTokenService::later);
				}
				return new Found(id, rs.getString(6), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)));
			})
			.optional();
		found.filter((token) -> token.role() == Role.ADMIN)
			.ifPresent((token) -> audit.tokenUsed(token.id(), token.name(), token.username(), address));
		return found.map((token) -> AccountUserDetailsService.userDetails(token.username(), token.passwordHash(),
				token.role(), true));
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** Writes the uses noted since the last time, each token's latest. */
	@PreDestroy
	void writeUses() {
		for (Long id : List.copyOf(unwrittenUses.keySet())) {
			Instant when = unwrittenUses.remove(id);
			if (when == null) {
				continue;
			}
			try {
				jdbc.sql("""
						update api_token set last_used_at = :when
						where id = :id and (last_used_at is null or last_used_at < :when)""")
					.param("id", id)
					.param("when", Timestamp.from(when))
					.update();
			}
			catch (RuntimeException ex) {
				// the database is away: the next round writes it
				unwrittenUses.merge(id, when, ApiTokenService::later);
				log.debug("Token uses not written yet: {}", ex.toString());
				return;
			}
		}
	}

	private UserAccount user(String username) {
		return users.findByUsername(username)
			.orElseThrow(() -> new UserNotFoundException("There is no user '" + username + "'."));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
