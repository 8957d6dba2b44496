package org.morgue.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.user.InvalidUserException;
import org.morgue.user.Role;
import org.morgue.user.UserNotFoundException;
import org.morgue.user.UserService;
import org.morgue.user.UserSummary;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users, for administrators: create them, set their role, disable them, reset passwords.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users")
class UserApiController {

	private static final int MAX_REQUEST_BYTES = 16 * 1024;

	private final UserService users;

	UserApiController(UserService users) {
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "All users")
	List<UserSummary> list() {
		return users.list();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a user")
	@BodyLimit(MAX_REQUEST_BYTES)
	ResponseEntity<UserSummary> create(@RequestBody CreateUserRequest body) {
		UserSummary user = users.create(body.username(), body.password(), role(body.role()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
	}

	@GetMapping("/{username}")
	@Operation(summary = "One user")
	UserSummary get(@PathVariable String username) {
		return users.find(username)
			.orElseThrow(() -> new UserNotFoundException("There is no user '" + username + "'."));
	}

	@PatchMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a user's role, status or password")
	@BodyLimit(MAX_REQUEST_BYTES)
	UserSummary update(@PathVariable String username, @RequestBody UpdateUserRequest body) {
		// A role left out stays; null is not a role.
		Role role = body.role().given() ? role(body.role().text()) : null;
		return users.update(username, role, body.enabled(), body.password());
	}

	private static Role role(String value) {
		if (value == null) {
			throw new InvalidUserException("role", "A role is required: READER, EDITOR or ADMIN.");
		}
		try {
			return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidUserException("role", "'" + value + "' is not a role: use READER, EDITOR or ADMIN.");
		}
	}

	@Schema(name = "CreateUserRequest")
	record CreateUserRequest(
			@Schema(example = "jdoe", maxLength = 64, pattern = "^[A-Za-z0-9._-]{1,64}$") String username,
			@Schema(description = "At least 8 characters, at most 72 bytes in UTF-8", minLength = 8,
					maxLength = UserService.MAX_PASSWORD_BYTES) String password,
			@Schema(allowableValues = {
					"READER", "EDITOR", "ADMIN" }) String role)
			implements
				JsonRequest{
	}

	@Schema(name = "UpdateUserRequest", description = "Fields left out stay as they are")
	record UpdateUserRequest(@Schema(allowableValues = {
			"READER", "EDITOR", "ADMIN" }) PatchValue role, Boolean enabled,
			@Schema(description = "At least 8 characters, at most 72 bytes in UTF-8", minLength = 8,
					maxLength = UserService.MAX_PASSWORD_BYTES) String password)
			implements
				JsonRequest{
	}

}
