package org.morgue.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting on this thread: the signed-in user, or {@value #SYSTEM} for work the
 * archive does on its own (start-up, imports from the command line).
 */
public final class CurrentActor {

	public static final String SYSTEM = "system";

	private CurrentActor() {
	}

	/**
	 * Whether the one acting is a signed-in person who may only read (role READER): they
	 * do not see articles withheld from readers. Editors and administrators do, and so
	 * does the archive's own work ({@value #SYSTEM}). The authorities are those
	 * {@code user.Role} grants, one per person.
	 */
	public static boolean readsOnly() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return false;
		}
		return authentication.getAuthorities()
			.stream()
			.noneMatch(authority -> EDITING_AUTHORITIES.contains(authority.getAuthority()));
	}

	private static final java.util.Set<String> EDITING_AUTHORITIES = java.util.Set.of("ROLE_EDITOR", "ROLE_ADMIN");

	public static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}

}
