package org.morgue;

import org.morgue.system.EditorialChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Editorial changes recorded as if a given person made them, for tests of the history and
 * the audit that need many changes, or changes by people who do not exist.
 */
public final class TestChanges {

	private TestChanges() {
	}

	/**
	 * Publishes the change in a transaction of its own, signed in as {@code actor} (an
	 * editor).
	 */
	public static void publishAs(String actor, EditorialChange change, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(actor, null, "ROLE_EDITOR"));
		try {
			new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(change));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
