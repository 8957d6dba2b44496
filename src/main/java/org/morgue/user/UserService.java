package org.morgue.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.morgue.system.CurrentActor;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users and changes their role, status and password.
 */
@Service
public class UserService {

	static final int MIN_PASSWORD_LENGTH = 8;

	/** The most of a password bcrypt reads: a longer one is refused, not cut short. */
	public static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	UserService(UserAccountRepository users, PasswordEncoder passwordEncoder, Optional<Clock> clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * @throws InvalidUserException when the name or password is not acceptable
	 * @throws UserAlreadyExistsException when the name is taken
	 */
	@Transactional
	public UserSummary create(String username, String password, Role role) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidUserException("username",
					"A username is 1 to 64 letters, digits, dots, hyphens or underscores.");
		}
		checkPassword(password);
		if (role == null) {
			throw new InvalidUserException("role", "A role is required: READER, EDITOR or ADMIN.");
		}
		if (users.findByUsername(username).isPresent()) {
			throw new UserAlreadyExistsException(username);
		}
		try {
			return users
				.saveAndFlush(new UserAccount(username, passwordEncoder.encode(password), role, Instant.now(clock),
						CurrentActor.name()))
				.toSummary();
		}
		catch (DataIntegrityViolationException ex) {
			throw new UserAlreadyExistsException(username);
		}
	}

	@Transactional(readOnly = true)
	public List<UserSummary> list() {
		return users.findAllByOrderByUsernameAsc().stream().map(UserAccount::toSummary).toList();
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(String username) {
		return users.findByUsername(username).map(UserAccount::toSummary);
	}

	/**
	 * Changes what is given (nulls are left alone). The last enabled administrator cannot
	 * be demoted or disabled, so the archive always has someone who can manage it.
	 */
	@Transactional
	public UserSummary update(String username, Role role, Boolean enabled, String password) {
		UserAccount user = users.findByUsername(username)
			.orElseThrow(() -> new UserNotFoundException("There is no user '" + username + "'."));
		boolean losesAdmin = user.getRole() == Role.ADMIN && user.isEnabled()
				&& ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(enabled));
		if (losesAdmin && countEnabledAdmins() <= 1) {
			throw new InvalidUserException((role != null) ? "role" : "enabled", "'" + user.getUsername()
					+ "' is the last administrator; make someone else an administrator first.");
		}
		if (password != null) {
			checkPassword(password);
			user.setPasswordHash(passwordEncoder.encode(password));
		}
		if (role != null) {
			user.setRole(role);
		}
		if (enabled != null) {
			user.setEnabled(enabled);
		}
		return user.toSummary();
	}

	/**
	 * A user changes their own password, proving they know the current one.
	 */
	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		UserAccount user = users.findByUsername(username)
			.orElseThrow(() -> new UserNotFoundException("There is no user '" + username + "'."));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new InvalidUserException("currentPassword", "The current password is not right.");
		}
		checkPassword(newPassword);
		user.setPasswordHash(passwordEncoder.encode(newPassword));
	}

	/** Used once, on the first start, before anyone can sign in. */
	@Transactional
	boolean createFirstAdmin(String username, String password) {
		if (users.count() > 0) {
			return false;
		}
		users.save(new UserAccount(username, passwordEncoder.encode(password), Role.ADMIN, Instant.now(clock),
				CurrentActor.SYSTEM));
		return true;
	}

	private long countEnabledAdmins() {
		return users.findAll().stream().filter(u -> u.getRole() == Role.ADMIN && u.isEnabled()).count();
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidUserException("password",
					"A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidUserException("password",
					"A password is at most " + MAX_PASSWORD_BYTES
							+ " bytes long in UTF-8 (72 letters without accents); this one has "
							+ password.getBytes(StandardCharsets.UTF_8).length + ".");
		}
	}

}
