package org.morgue.web;

import org.morgue.feed.FeedConflictException;
import org.morgue.feed.FeedService;
import org.morgue.feed.FeedStatus;
import org.morgue.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The feeds the archive polls, for administrators: each with its state, last poll, what
 * it took and its last error; registering an address or a drop folder; polling one now,
 * pausing, resuming and removing it.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class FeedsPageController {

	private final FeedService feeds;

	FeedsPageController(FeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/admin/feeds")
	String list(Model model) {
		var all = feeds.list();
		model.addAttribute("feeds", all);
		model.addAttribute("polling", all.stream().anyMatch((feed) -> feed.pollingBy() != null));
		return "admin/feeds";
	}

	@PostMapping("/admin/feeds")
	String add(@RequestParam(required = false) String url, @RequestParam(required = false) String folder,
			@RequestParam(required = false) String source, @RequestParam(required = false) Integer minutes,
			RedirectAttributes redirect) {
		try {
			FeedStatus feed = feeds.add(url, folder, source, (minutes != null) ? minutes * 60 : null);
			redirect.addFlashAttribute("message", "Feed " + feed.id() + " is registered and will be polled shortly.");
		}
		catch (InvalidInputException | FeedConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("url", url);
			redirect.addFlashAttribute("folder", folder);
			redirect.addFlashAttribute("source", source);
			redirect.addFlashAttribute("minutes", minutes);
		}
		return "redirect:/admin/feeds";
	}

	@PostMapping("/admin/feeds/{id}/poll")
	String poll(@PathVariable long id, RedirectAttributes redirect) {
		try {
			FeedStatus feed = feeds.poll(id);
			if (feed.consecutiveFailures() > 0) {
				redirect.addFlashAttribute("error", "Feed " + id + " failed: " + feed.lastError());
			}
			else {
				FeedStatus.Counts taken = feed.lastPoll();
				redirect.addFlashAttribute("message",
						"Feed " + id + " polled: " + taken.created() + " new, " + taken.updated() + " updated, "
								+ taken.duplicates() + " already held, " + taken.failed() + " failed.");
			}
		}
		catch (FeedConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/feeds";
	}

	@PostMapping("/admin/feeds/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		feeds.pause(id);
		redirect.addFlashAttribute("message", "Feed " + id + " is paused.");
		return "redirect:/admin/feeds";
	}

	@PostMapping("/admin/feeds/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		feeds.resume(id);
		redirect.addFlashAttribute("message", "Feed " + id + " is polled on its schedule again.");
		return "redirect:/admin/feeds";
	}

	@PostMapping("/admin/feeds/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		feeds.delete(id);
		redirect.addFlashAttribute("message",
				"Feed " + id + " is removed; the stories it brought stay in the archive.");
		return "redirect:/admin/feeds";
	}

}
