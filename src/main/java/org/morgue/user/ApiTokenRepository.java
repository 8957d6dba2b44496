package org.morgue.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	@EntityGraph(attributePaths = "user")
	Optional<ApiToken> findByHash(String hash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

	Optional<ApiToken> findByIdAndUserId(Long id, Long userId);

}
