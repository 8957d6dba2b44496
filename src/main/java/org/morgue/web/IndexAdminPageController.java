package org.morgue.web;

import org.morgue.search.IndexMaintenance;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The search index for administrators: its state, rebuilding it with progress (done,
 * total, rate, time left), and checking it against PostgreSQL.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class IndexAdminPageController {

	private final IndexMaintenance maintenance;

	IndexAdminPageController(IndexMaintenance maintenance) {
		this.maintenance = maintenance;
	}

	@GetMapping("/admin/index")
	String status(Model model) {
		model.addAttribute("status", maintenance.status());
		model.addAttribute("busy", maintenance.busy());
		return "admin/index";
	}

	@PostMapping("/admin/index/rebuild")
	String rebuild(RedirectAttributes redirect) {
		boolean started = maintenance.startRebuild("an administrator asked for it");
		redirect.addFlashAttribute(started ? "message" : "error",
				started ? "The rebuild has started; searches use the current index until it is done."
						: "A rebuild or check is already running.");
		return "redirect:/admin/index";
	}

	@PostMapping("/admin/index/check")
	String check(RedirectAttributes redirect) {
		boolean started = maintenance.startCheck();
		redirect.addFlashAttribute(started ? "message" : "error",
				started ? "The check has started." : "A rebuild or check is already running.");
		return "redirect:/admin/index";
	}

}
