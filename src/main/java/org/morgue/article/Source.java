package org.morgue.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An agency or publication that copy comes from. Created on first use; names are unique
 * whatever their case.
 */
@Entity
@Table(name = "source")
class Source {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false, insertable = false, updatable = false)
	private Instant createdAt;

	protected Source() {
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

}
