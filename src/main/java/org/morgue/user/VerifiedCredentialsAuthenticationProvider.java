package org.morgue.user;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password (HTTP Basic, the sign-in form) without paying a
 * password hash on every request. A client that signs every request with Basic
 * credentials would otherwise spend most of each request in BCrypt, by design slow.
 *
 * <p>
 * The user is read from PostgreSQL on every request, as before, so a disabled user or a
 * changed role counts at once, on every node. A password that matched the stored hash is
 * remembered, for {@code morgue.security.verified-credentials-ttl}, by a keyed hash
 * (HMAC-SHA-256 under a key of this process, never written anywhere) of the user name,
 * the password and <em>the stored hash it matched</em>: a changed password changes the
 * stored hash, so what was remembered no longer applies, here or on any other node. The
 * password itself is never kept. A password that does not match is never remembered, so a
 * wrong one is refused at once, and costs a full hash every time.
 *
 * <p>
 * Before any of that, the {@link SignInThrottle} may refuse the attempt unchecked (an
 * account or address that failed too often lately), and every failure and form sign-in
 * goes to the {@link SignInAudit}. Thread-safe.
 */
class VerifiedCredentialsAuthenticationProvider implements AuthenticationProvider {

	private final UserDetailsService users;

	private final PasswordEncoder encoder;

	private final SecurityProperties properties;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final SignInAudit audit;

	private final byte[] key = new byte[32];

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	private final AtomicLong hashes = new AtomicLong();

	/**
	 * Checked against when there is no such user, so that an unknown name takes as long.
	 */
	private volatile String unknownUserHash;

	VerifiedCredentialsAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
			SecurityProperties properties, Clock clock, SignInThrottle throttle, SignInAudit audit) {
		this.users = users;
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
		this.throttle = throttle;
		this.audit = audit;
		new SecureRandom().nextBytes(key);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		String address = SignInAudit.shortened((authentication.getDetails() instanceof WebAuthenticationDetails web)
				? web.getRemoteAddress() : "unknown");
		String channel = (authentication.getDetails() instanceof SignInDetails details) ? details.getChannel()
				: "basic";
		Instant now = clock.instant();
		boolean[] firstRefusal = new boolean[1];
		Optional<Duration> wait = throttle.waitFor(username, address, now, firstRefusal);
		if (wait.isPresent()) {
			audit.refused(username, address, wait.get(), firstRefusal[0]);
			throw new SignInThrottledException(wait.get());
		}
		UserDetails user;
		try {
			user = check(username, password, now);
		}
		catch (UsernameNotFoundException ex) {
			audit.failed(username, address, channel, "unknown account", throttle.failed(username, address, now));
			throw new BadCredentialsException("Bad credentials");
		}
		catch (DisabledException ex) {
			audit.failed(username, address, channel, "account disabled", throttle.failed(username, address, now));
			throw ex;
		}
		catch (BadCredentialsException ex) {
			audit.failed(username, address, channel, "wrong password", throttle.failed(username, address, now));
			throw ex;
		}
		throttle.succeeded(username, address, now);
		if ("form".equals(channel)) {
			audit.signedIn(user.getUsername(), address, channel);
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	/**
	 * The user whose password this is.
	 * @throws UsernameNotFoundException for an unknown user, after hashing as long
	 */
	private UserDetails check(String username, String password, Instant now) {
		UserDetails user;
		try {
			user = users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			hashes.incrementAndGet();
			if (unknownUserHash == null) {
				unknownUserHash = encoder.encode(HexFormat.of().formatHex(key));
			}
			encoder.matches(password, unknownUserHash);
			throw ex;
		}
		if (!user.isEnabled()) {
			throw new DisabledException("User is disabled");
		}
		String remembered = fingerprint(username, password, user.getPassword());
		Instant until = verified.get(remembered);
		if (until == null || !until.isAfter(now)) {
			hashes.incrementAndGet();
			if (!encoder.matches(password, user.getPassword())) {
				throw new BadCredentialsException("Bad credentials");
			}
			remember(remembered, now);
		}
		return user;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** How many passwords were hashed to check them since the start: for tests. */
	long hashes() {
		return hashes.get();
	}

	private void remember(String fingerprint, Instant now) {
		if (properties.verifiedCredentialsTtl().isZero() || properties.verifiedCredentialsTtl().isNegative()) {
			return;
		}
		if (verified.size() >= properties.verifiedCredentialsMax()) {
			verified.values().removeIf((until) -> !until.isAfter(now));
			if (verified.size() >= properties.verifiedCredentialsMax()) {
				verified.clear();
			}
		}
		verified.put(fingerprint, now.plus(properties.verifiedCredentialsTtl()));
	}

	private String fingerprint(String username, String password, String storedHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			for (String part : new String[] { username, password, storedHash }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				mac.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
						(byte) (bytes.length >>> 8), (byte) bytes.length });
				mac.update(bytes);
			}
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", ex);
		}
	}

}
