package org.morgue.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.morgue.article.ArticleService;
import org.morgue.article.ArticleSummary;
import org.morgue.search.ArticleSearch;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchRequest;
import org.morgue.user.UserNotFoundException;
import org.morgue.user.UserService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' saved searches: saving, listing with the count of new matches, running (which
 * marks them seen), renaming, deleting, and the latest matches for a feed. Each method
 * acts only on the given user's searches; another user's is not found.
 */
@Service
public class SavedSearches {

	/** The longest name a saved search may have. */
	public static final int MAX_NAME = 200;

	private final SavedSearchStore store;

	private final UserService users;

	private final ArticleSearch search;

	private final ArticleService articles;

	private final Clock clock;

	SavedSearches(SavedSearchStore store, UserService users, ArticleSearch search, ArticleService articles,
			Optional<Clock> clock) {
		this.store = store;
		this.users = users;
		this.search = search;
		this.articles = articles;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Saves the search under a name; it counts as seen now.
	 * @throws InvalidSavedSearchException when the name is blank or too long, or the
	 * search cannot be read (naming its part: {@code q}, {@code from}, {@code to},
	 * {@code sort})
	 */
	@Transactional
	public SavedSearch save(String username, String name, SearchCriteria query) {
		String checked = name(name);
		try {
			query.toRequest(1, 0, null);
		}
		catch (InvalidQueryException ex) {
			throw new InvalidSavedSearchException(ex.parameter(), ex.getMessage());
		}
		long userId = userId(username);
		long id = store.insert(userId, checked, query, clock.instant());
		return store.find(userId, id).orElseThrow();
	}

	/**
	 * The user's saved searches by name, each with its count of new matches (one cheap
	 * count each).
	 */
	@Transactional(readOnly = true)
	public List<SavedSearchStatus> list(String username) {
		List<SavedSearch> saved = store.list(userId(username));
		List<SearchRequest> requests = new ArrayList<>(saved.size());
		List<Integer> readable = new ArrayList<>(saved.size());
		for (int i = 0; i < saved.size(); i++) {
			try {
				requests.add(saved.get(i).search().toRequest(1, 0, null).withIngestedAfter(saved.get(i).lastSeenAt()));
				readable.add(i);
			}
			catch (InvalidQueryException ex) {
				// counted as unknown below
			}
		}
		List<Long> counts = requests.isEmpty() ? List.of() : search.count(requests);
		long[] found = new long[saved.size()];
		java.util.Arrays.fill(found, -1);
		for (int i = 0; i < readable.size(); i++) {
			found[readable.get(i)] = counts.get(i);
		}
		List<SavedSearchStatus> statuses = new ArrayList<>(saved.size());
		for (int i = 0; i < saved.size(); i++) {
			statuses.add(new SavedSearchStatus(saved.get(i), found[i]));
		}
		return statuses;
	}

	/**
	 * @throws SavedSearchNotFoundException when the user has no such saved search
	 */
	@Transactional(readOnly = true)
	public SavedSearch get(String username, long id) {
		return store.find(userId(username), id).orElseThrow(() -> new SavedSearchNotFoundException(id));
	}

	/**
	 * Marks the search seen now, as its owner runs it: its new matches start again from
	 * zero.
	 * @return the search, to run
	 */
	@Transactional
	public SavedSearch markSeen(String username, long id) {
		long userId = userId(username);
		if (!store.markSeen(userId, id, clock.instant())) {
			throw new SavedSearchNotFoundException(id);
		}
		return store.find(userId, id).orElseThrow();
	}

	@Transactional
	public SavedSearch rename(String username, long id, String name) {
		String checked = name(name);
		long userId = userId(username);
		if (!store.rename(userId, id, checked)) {
			throw new SavedSearchNotFoundException(id);
		}
		return store.find(userId, id).orElseThrow();
	}

	@Transactional
	public void delete(String username, long id) {
		if (!store.delete(userId(username), id)) {
			throw new SavedSearchNotFoundException(id);
		}
	}

	/**
	 * The matches the archive received last, newest first, for the search's feed; reading
	 * them does not mark the search seen.
	 */
	public List<ArticleSummary> latest(SavedSearch saved, int count) {
		try {
			return articles.summaries(search.lastReceived(saved.search().toRequest(1, 0, null), count));
		}
		catch (InvalidQueryException ex) {
			return List.of();
		}
	}

	private long userId(String username) {
		return users.find(username)
			.orElseThrow(() -> new UserNotFoundException("There is no user " + username + "."))
			.id();
	}

	private static String name(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidSavedSearchException("name", "Give the search a name.");
		}
		if (name.strip().length() > MAX_NAME) {
			throw new InvalidSavedSearchException("name", "The name is longer than " + MAX_NAME + " characters.");
		}
		return name.strip();
	}

}
