package org.morgue.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.morgue.ingest.CopyDecoder;
import org.morgue.user.InvalidUserException;
import org.morgue.user.Role;
import org.morgue.user.UserNotFoundException;
import org.morgue.user.UserService;
import org.morgue.user.UserSummary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	private final JsonMapper json;

	UserApiController(UserService users, JsonMapper json) {
		this.users = users;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "All users")
	List<UserSummary> list() {
		return users.list();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a user",
			requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = CreateUserRequest.class))))
	ResponseEntity<UserSummary> create(HttpServletRequest request) throws IOException {
		JsonFields fields = read(request, Set.of("username", "password", "role"));
		UserSummary user = users.create(fields.string("username"), fields.string("password"), role(fields));
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
	}

	@GetMapping("/{username}")
	@Operation(summary = "One user")
	UserSummary get(@PathVariable String username) {
		return users.find(username)
			.orElseThrow(() -> new UserNotFoundException("There is no user '" + username + "'."));
	}

	@PatchMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a user's role, status or password",
			requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = UpdateUserRequest.class))))
	UserSummary update(@PathVariable String username, HttpServletRequest request) throws IOException {
		JsonFields fields = read(request, Set.of("role", "enabled", "password"));
		return users.update(username, fields.has("role") ? role(fields) : null, fields.bool("enabled"),
				fields.string("password"));
	}

	private JsonFields read(HttpServletRequest request, Set<String> allowed) throws IOException {
		return JsonFields.parse(json, CopyDecoder.readAtMost(request.getInputStream(), MAX_REQUEST_BYTES, "body"),
				allowed);
	}

	private static Role role(JsonFields fields) {
		String value = fields.string("role");
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
	record CreateUserRequest(@Schema(example = "jdoe") String username,
			@Schema(description = "At least 8 characters") String password,
			@Schema(allowableValues = { "READER", "EDITOR", "ADMIN" }) String role) {
	}

	@Schema(name = "UpdateUserRequest", description = "Fields left out stay as they are")
	record UpdateUserRequest(@Schema(allowableValues = { "READER", "EDITOR", "ADMIN" }) String role, Boolean enabled,
			String password) {
	}

}
