package org.morgue.user;

/**
 * What a user may do. Each role includes the ones before it.
 */
public enum Role {

	/** Journalists: search and read. */
	READER,

	/** Editors: bring copy in and correct it. */
	EDITOR,

	/** Administrators: manage users, delete articles. */
	ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
