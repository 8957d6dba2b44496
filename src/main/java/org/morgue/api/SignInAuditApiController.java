package org.morgue.api;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.user.SignInAudit;
import org.morgue.user.SignInEvent;
import org.morgue.user.SignInReport;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in audit and throttle, for administrators: who signed in, which passwords
 * failed, which accounts and addresses must wait now.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class SignInAuditApiController {

	private static final int MAX_PAGE_SIZE = 200;

	private static final Set<String> KINDS = Set.of("sign-in", "sign-in.failed", "sign-in.throttled", "token.used");

	private final SignInAudit audit;

	SignInAuditApiController(SignInAudit audit) {
		this.audit = audit;
	}

	/** A page of audit entries: how many in all, which page (from 0), its entries. */
	record SignInEventPage(long total, int page, int size, List<SignInEvent> events) {
	}

	@GetMapping(path = "/api/v1/admin/sign-ins", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The sign-in audit, newest first",
			description = "Sign-ins by the form, failed passwords (form and HTTP Basic), bursts of failures after "
					+ "which attempts wait, and administrators' API token use (at most once an hour per token).")
	SignInEventPage events(
			@Parameter(description = "Only this account (any case)") @RequestParam(required = false) String user,
			@Parameter(description = "Only this kind: sign-in (with its sub-kinds), sign-in.failed, "
					+ "sign-in.throttled or token.used") @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "'size' must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
		if (page < 0) {
			throw new InvalidRequestException("page", "Pages count from 0.");
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new InvalidRequestException("page", "There are not that many pages.");
		}
		if (kind != null && !kind.isBlank() && !KINDS.contains(kind.strip())) {
			throw new InvalidRequestException("kind", "'kind' is one of sign-in, sign-in.failed, sign-in.throttled "
					+ "and token.used, not '" + kind.strip() + "'.");
		}
		if (user != null && user.length() > 100) {
			throw new InvalidRequestException("user", "Account names have at most 100 characters.");
		}
		return new SignInEventPage(audit.count(user, kind), page, size, audit.events(user, kind, page * size, size));
	}

	@GetMapping(path = "/api/v1/admin/sign-ins/throttle", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "This node's sign-in throttle: counts since it started, and who must wait now")
	SignInReport throttle() {
		return audit.report();
	}

}
