package org.morgue.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A personal API token, kept only as the SHA-256 hash of its secret.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private UserAccount user;

	@Column(nullable = false, updatable = false)
	private String name;

	@Column(name = "token_prefix", nullable = false, updatable = false)
	private String prefix;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private String hash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(UserAccount user, String name, String prefix, String hash, Instant createdAt) {
		this.user = user;
		this.name = name;
		this.prefix = prefix;
		this.hash = hash;
		this.createdAt = createdAt;
	}

	ApiTokenSummary toSummary() {
		return new ApiTokenSummary(id, name, prefix, createdAt, lastUsedAt, revokedAt);
	}

	Long getId() {
		return id;
	}

	UserAccount getUser() {
		return user;
	}

	boolean isRevoked() {
		return revokedAt != null;
	}

	Instant getLastUsedAt() {
		return lastUsedAt;
	}

	void revoke(Instant when) {
		if (revokedAt == null) {
			this.revokedAt = when;
		}
	}

}
