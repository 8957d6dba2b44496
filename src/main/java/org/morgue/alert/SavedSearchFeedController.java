package org.morgue.alert;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A saved search's Atom feed, for feed readers, signed in with the owner's API token (see
 * {@code user.SecurityConfiguration}): its {@value #ENTRIES} latest matches by the time
 * the archive received them. Reading it does not mark the search seen. Another user's
 * search is not found.
 */
@Controller
class SavedSearchFeedController {

	static final int ENTRIES = 50;

	private final SavedSearches savedSearches;

	SavedSearchFeedController(SavedSearches savedSearches) {
		this.savedSearches = savedSearches;
	}

	@GetMapping("/feeds/saved-searches/{id}.atom")
	void feed(@PathVariable long id, Principal principal, HttpServletResponse response)
			throws IOException, XMLStreamException {
		SavedSearch saved;
		try {
			saved = savedSearches.get(principal.getName(), id);
		}
		catch (SavedSearchNotFoundException ex) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND, ex.getMessage());
			return;
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String self = base + "/feeds/saved-searches/" + id + ".atom";
		response.setContentType(AtomFeed.MEDIA_TYPE + ";charset=UTF-8");
		response.setHeader("Cache-Control", "private, no-cache");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		AtomFeed.write(out, saved, savedSearches.latest(saved, ENTRIES), base, self);
		out.flush();
	}

}
