package org.morgue.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.morgue.user.SignInAudit;
import org.morgue.user.SignInEvent;
import org.morgue.user.SignInReport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-ins for administrators: who must wait now after failed passwords, this node's
 * counts, and the audit of sign-ins, failures and administrators' token use.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SignInAuditPageController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final SignInAudit audit;

	SignInAuditPageController(SignInAudit audit) {
		this.audit = audit;
	}

	/** An audit entry as the page shows it. */
	record EventRow(SignInEvent event, String time) {
	}

	/** A client that must wait, with its time written out. */
	record WaitingRow(SignInReport.Waiting waiting, String until) {
	}

	@GetMapping("/admin/sign-ins")
	String signIns(@RequestParam(required = false) String user, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String account = StringUtils.hasText(user) ? cut(user.strip()) : null;
		String only = ("sign-in".equals(kind) || "sign-in.failed".equals(kind) || "sign-in.throttled".equals(kind)
				|| "token.used".equals(kind)) ? kind : null;
		SignInReport report = audit.report();
		long total = audit.count(account, only);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.max(1, Math.min(page, pages));
		model.addAttribute("user", account);
		model.addAttribute("kind", only);
		model.addAttribute("report", report);
		model.addAttribute("waiting",
				report.waiting().stream().map((w) -> new WaitingRow(w, TIME.format(w.until()))).toList());
		model.addAttribute("total", total);
		model.addAttribute("events",
				audit.events(account, only, (current - 1) * PAGE_SIZE, PAGE_SIZE)
					.stream()
					.map((event) -> new EventRow(event, TIME.format(event.time())))
					.toList());
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/sign-ins");
		if (account != null) {
			link.queryParam("user", account);
		}
		if (only != null) {
			link.queryParam("kind", only);
		}
		model.addAttribute("pager", Pager.of(current, pages,
				(number) -> ((number > 1) ? link.cloneBuilder().queryParam("page", number) : link.cloneBuilder())
					.encode()
					.toUriString()));
		return "admin/sign-ins";
	}

	private static String cut(String text) {
		return (text.length() > 100) ? text.substring(0, 100) : text;
	}

}
