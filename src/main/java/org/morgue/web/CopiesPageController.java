package org.morgue.web;

import org.morgue.copies.ArticleCopies;
import org.morgue.copies.CopyService;
import org.morgue.system.InvalidInputException;
import org.morgue.system.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors' decisions on the copies section of an article page: a copy that is not one
 * split off, another article joined with the article's copies. Each answers on the
 * article's page, a refusal with its reason.
 */
@Controller
class CopiesPageController {

	private final CopyService copies;

	CopiesPageController(CopyService copies) {
		this.copies = copies;
	}

	@PostMapping("/articles/{id}/copies/{copyId}/split")
	@PreAuthorize("hasRole('EDITOR')")
	String split(@PathVariable long id, @PathVariable long copyId, RedirectAttributes redirect) {
		try {
			if (copyId != id && copies.copiesOf(id).articles().stream().noneMatch(copy -> copy.id() == copyId)) {
				throw new InvalidInputException("copy",
						"Article #" + copyId + " is not a copy of this one: there is nothing to split.");
			}
			copies.split(copyId);
			redirect.addFlashAttribute("copiesMessage",
					"Split article #" + copyId + " off: it is no longer a copy of this one. " + left(id));
		}
		catch (InvalidInputException | NotFoundException ex) {
			redirect.addFlashAttribute("copiesError", ex.getMessage());
		}
		return "redirect:/articles/" + id + "#copies";
	}

	@PostMapping("/articles/{id}/copies/join")
	@PreAuthorize("hasRole('EDITOR')")
	String join(@PathVariable long id, @RequestParam(required = false) String other, RedirectAttributes redirect) {
		try {
			long otherId = articleNumber(other);
			ArticleCopies joined = copies.join(id, otherId);
			redirect.addFlashAttribute("copiesMessage",
					"Joined with article #" + otherId + ": the story has " + joined.count() + " copies.");
		}
		catch (InvalidInputException | NotFoundException ex) {
			redirect.addFlashAttribute("copiesError", ex.getMessage());
			redirect.addFlashAttribute("joinInput", other);
		}
		return "redirect:/articles/" + id + "#copies";
	}

	/** What is left of the article's group, for the message after a split. */
	private String left(long id) {
		int count = copies.copiesOf(id).count();
		return (count > 1) ? "This story has " + count + " copies." : "This article has no copies now.";
	}

	/** An article's number as an editor types it: {@code 42} or {@code #42}. */
	private static long articleNumber(String text) {
		String number = (text != null) ? text.strip() : "";
		if (number.startsWith("#")) {
			number = number.substring(1).strip();
		}
		if (number.isEmpty()) {
			throw new InvalidInputException("other", "Say which article to join with: its number, as in its address.");
		}
		try {
			return Long.parseLong(number);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("other",
					"'" + text.strip() + "' is not an article number: write the number from the article's address.");
		}
	}

}
