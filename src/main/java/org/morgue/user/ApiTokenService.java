package org.morgue.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Personal API tokens: created by their owner, shown once, stored as hashes, revocable.
 */
@Service
public class ApiTokenService {

	static final String TOKEN_MARK = "mrg_";

	private static final int PREFIX_LENGTH = TOKEN_MARK.length() + 6;

	/**
	 * Recording every use would write on every request; once a minute is enough to tell
	 * stale tokens.
	 */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final ApiTokenRepository tokens;

	private final UserAccountRepository users;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	ApiTokenService(ApiTokenRepository tokens, UserAccountRepository users, Optional<Clock> clock) {
		this.tokens = tokens;
		this.users = users;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	public NewApiToken create(String username, String name) {
		if (!StringUtils.hasText(name) || name.strip().length() > 100) {
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

	@Transactional(readOnly = true)
	public List<ApiTokenSummary> list(String username) {
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
	 * The enabled user a live token belongs to, noting when it was used.
	 */
	@Transactional
	Optional<UserAccount> authenticate(String secret) {
		if (secret == null || !secret.startsWith(TOKEN_MARK)) {
			return Optional.empty();
		}
		return tokens.findByHash(hash(secret))
			.filter(token -> !token.isRevoked() && token.getUser().isEnabled())
			.map(token -> {
				Instant now = Instant.now(clock);
				if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
					token.used(now);
				}
				return token.getUser();
			});
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
