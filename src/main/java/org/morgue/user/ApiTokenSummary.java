package org.morgue.user;

import java.time.Instant;

/**
 * A token as its owner sees it in a list: its name and the first characters of the
 * secret, never the secret itself.
 */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

}
