package org.morgue;

import org.morgue.user.Role;
import org.morgue.user.UserService;

/**
 * The users tests sign in as, created once in the shared test database.
 */
public final class TestUsers {

	public static final String PASSWORD = "correct-horse-battery";

	/** The password of {@code admin}, the user created on the first start. */
	public static final String FIRST_ADMIN_PASSWORD = "first-admin-password";

	public static final String READER = "reader";

	public static final String EDITOR = "editor";

	public static final String ADMIN = "chief";

	private TestUsers() {
	}

	public static void ensure(UserService users) {
		ensure(users, READER, Role.READER);
		ensure(users, EDITOR, Role.EDITOR);
		ensure(users, ADMIN, Role.ADMIN);
	}

	private static synchronized void ensure(UserService users, String username, Role role) {
		if (users.find(username).isEmpty()) {
			users.create(username, PASSWORD, role);
		}
	}

}
