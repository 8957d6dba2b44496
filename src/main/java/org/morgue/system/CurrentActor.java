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

	public static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}

}
