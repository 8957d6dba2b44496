package org.morgue.article;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SourceRepository extends JpaRepository<Source, Long> {

	@Query("select s from Source s where lower(s.name) = lower(:name)")
	Optional<Source> findByName(String name);

	/**
	 * Inserts the source unless one of that name exists; safe when two saves race for a
	 * new source.
	 */
	@Modifying
	@Query(value = "insert into source (name) values (:name) on conflict do nothing", nativeQuery = true)
	void insertIfAbsent(String name);

}
