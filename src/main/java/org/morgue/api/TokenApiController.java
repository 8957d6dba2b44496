package org.morgue.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.user.ApiTokenService;
import org.morgue.user.ApiTokenSummary;
import org.morgue.user.NewApiToken;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own API tokens.
 */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API tokens")
class TokenApiController {

	private final ApiTokenService tokens;

	TokenApiController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "Your tokens (never their secrets)")
	List<ApiTokenSummary> list(Principal user) {
		return tokens.list(user.getName());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a token; the secret is in this answer only")
	@BodyLimit(4096)
	ResponseEntity<NewApiToken> create(Principal user, @RequestBody CreateTokenRequest body) {
		NewApiToken token = tokens.create(user.getName(), body.name());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.token().id())).body(token);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of your tokens")
	ResponseEntity<Void> revoke(Principal user, @PathVariable long id) {
		tokens.revoke(user.getName(), id);
		return ResponseEntity.noContent().build();
	}

	@Schema(name = "CreateTokenRequest")
	record CreateTokenRequest(@Schema(description = "What the token is for", example = "nightly export",
			maxLength = ApiTokenService.MAX_NAME) String name) implements JsonRequest {
	}

}
