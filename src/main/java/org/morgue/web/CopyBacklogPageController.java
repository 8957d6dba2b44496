package org.morgue.web;

import org.morgue.copies.CopyBacklog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Grouping copies for administrators: the backlog of articles without a signature (an
 * archive from before grouping, articles stored while it was off) and its progress.
 */
@Controller
class CopyBacklogPageController {

	private final CopyBacklog backlog;

	CopyBacklogPageController(CopyBacklog backlog) {
		this.backlog = backlog;
	}

	@GetMapping("/admin/copies")
	@PreAuthorize("hasRole('ADMIN')")
	String backlog(Model model) {
		model.addAttribute("progress", backlog.progress());
		return "admin/copies";
	}

	@PostMapping("/admin/copies/backlog")
	@PreAuthorize("hasRole('ADMIN')")
	String start(RedirectAttributes redirect) {
		boolean started = backlog.start("an administrator asked for it");
		redirect.addFlashAttribute(started ? "message" : "error",
				started ? "Looking for articles without a copy signature." : "The backlog is already being grouped.");
		return "redirect:/admin/copies";
	}

}
