package org.morgue.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, Role role, Instant createdAt, String createdBy) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	UserSummary toSummary() {
		return new UserSummary(id, username, role, enabled, createdAt, createdBy);
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Role getRole() {
		return role;
	}

	boolean isEnabled() {
		return enabled;
	}

	void setRole(Role role) {
		this.role = role;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

}
