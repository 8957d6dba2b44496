package org.morgue.story;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleNotFoundException;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleText;
import org.morgue.article.ArticleVisibility;
import org.morgue.article.InvalidArticleException;
import org.morgue.article.NewArticle;
import org.morgue.article.SavedArticle;
import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives versions of stories and keeps one article per story: the first version becomes
 * the article, a newer one replaces its text and metadata as an editor's correction does
 * (notes re-anchor, the index and the entities follow, the history records it), an older
 * one arriving late is only listed, the same one again is a duplicate. A version withheld
 * or canceled (a kill) keeps the story from readers, an embargo until its time; editors
 * see it, marked.
 */
@Service
public class StoryService {

	/**
	 * The longest provider's id of a story taken, in characters: ids are short
	 * ({@code urn:newsml:...}), and the id and version together must fit an entry of
	 * PostgreSQL's index on them.
	 */
	public static final int MAX_GUID = 400;

	/** The longest provider's version of a story taken, in characters. */
	public static final int MAX_VERSION = 100;

	private final StoryStore store;

	private final ArticleService articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StoryService(StoryStore store, ArticleService articles, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.articles = articles;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Takes a version of a story, in one transaction with what it changes.
	 * @throws org.morgue.article.InvalidArticleException when its text cannot be stored,
	 * or its id or version is longer than {@link #MAX_GUID} or {@link #MAX_VERSION}
	 * @throws org.morgue.article.DuplicateArticleTextException when a newer version's
	 * text is another article's
	 */
	@Transactional
	public StoryReceipt receive(IncomingVersion incoming) {
		String guid = Objects.requireNonNull(incoming.guid(), "guid").strip();
		tooLong("guid", "story's id", guid, MAX_GUID);
		tooLong("version", "story's version", incoming.version(), MAX_VERSION);
		store.lock(guid);
		String version = versionKey(incoming);
		Optional<StoryStore.Story> story = store.find(guid);
		if (store.versionExists(guid, version)) {
			long articleId = story.map(StoryStore.Story::articleId).orElseThrow();
			return new StoryReceipt(StoryReceipt.Outcome.DUPLICATE, articles.get(articleId));
		}
		Instant now = clock.instant();
		if (story.isEmpty()) {
			return first(guid, version, incoming, now);
		}
		StoryStore.Story current = story.get();
		Long number = number(incoming.version());
		boolean newer = newer(number, incoming.versionCreated(), current.currentNumber(), current.currentCreated());
		long versionId = store.insertVersion(version(guid, current.articleId(), version, number, incoming, now, newer));
		if (!newer) {
			return new StoryReceipt(StoryReceipt.Outcome.OLDER, articles.get(current.articleId()));
		}
		ArticleDetails article = articles.get(current.articleId());
		if (incoming.status() == StoryStatus.USABLE) {
			NewArticle text = incoming.article();
			boolean changed = !article.metadata().equals(text.metadata())
					|| !article.paragraphs().equals(text.paragraphs());
			if (changed) {
				article = articles.correct(article.id(), article.version(), text.metadata(), text.paragraphs());
			}
		}
		article = articles.changeVisibility(article.id(), visibility(incoming));
		store.makeCurrent(guid, versionId, incoming.status(), incoming.embargoedUntil(), now);
		events.publishEvent(EditorialChange.ofArticle("story.version", guid, article.id(), null,
				Map.of("version", version, "status", incoming.status().name())));
		return new StoryReceipt(StoryReceipt.Outcome.UPDATED, article);
	}

	private StoryReceipt first(String guid, String version, IncomingVersion incoming, Instant now) {
		SavedArticle saved = articles.create(incoming.article());
		if (!saved.created() && store.articleHasStory(saved.article().id())) {
			// The same text is another story's already (a republished copy): nothing new
			// to keep.
			return new StoryReceipt(StoryReceipt.Outcome.DUPLICATE, saved.article());
		}
		long articleId = saved.article().id();
		long versionId = store
			.insertVersion(version(guid, articleId, version, number(incoming.version()), incoming, now, true));
		store.insertStory(guid, articleId, versionId, incoming.status(), incoming.embargoedUntil(), now);
		ArticleDetails article = articles.changeVisibility(articleId, visibility(incoming));
		return new StoryReceipt(saved.created() ? StoryReceipt.Outcome.CREATED : StoryReceipt.Outcome.UPDATED, article);
	}

	/** Whether the archive holds a story of this provider's id. */
	@Transactional(readOnly = true)
	public boolean holds(String guid) {
		return guid != null && store.find(guid.strip()).isPresent();
	}

	/** The story of an article, if it came as one. */
	@Transactional(readOnly = true)
	public Optional<StoryState> ofArticle(long articleId) {
		return Optional.ofNullable(store.states(List.of(articleId)).get(articleId));
	}

	/** The stories of these articles; those that did not come as stories are left out. */
	@Transactional(readOnly = true)
	public Map<Long, StoryState> ofArticles(Collection<Long> articleIds) {
		return store.states(articleIds);
	}

	/**
	 * Every version of the article's story received, first received first; none for an
	 * article that did not come as a story.
	 * @throws ArticleNotFoundException when there is no such article (or the caller may
	 * not see it)
	 */
	@Transactional(readOnly = true)
	public List<StoryVersionSummary> versions(long articleId) {
		articles.get(articleId);
		return store.versions(articleId);
	}

	/**
	 * One version's text as it arrived.
	 * @throws ArticleNotFoundException when the article has no such version (or the
	 * caller may not see it)
	 */
	@Transactional(readOnly = true)
	public StoryVersionText version(long articleId, long versionId) {
		articles.get(articleId);
		return store.version(articleId, versionId).orElseThrow(() -> new ArticleNotFoundException(articleId));
	}

	private StoryStore.NewVersion version(String guid, long articleId, String version, Long number,
			IncomingVersion incoming, Instant now, boolean applied) {
		NewArticle text = incoming.article();
		return new StoryStore.NewVersion(guid, articleId, version, number, incoming.versionCreated(), now,
				CurrentActor.name(), incoming.status(), incoming.embargoedUntil(), incoming.format(),
				incoming.signals(), text.metadata().title(), text.body(), text.rawText(), applied);
	}

	private static ArticleVisibility visibility(IncomingVersion incoming) {
		return switch (incoming.status()) {
			case USABLE -> new ArticleVisibility(ArticleVisibility.State.VISIBLE, incoming.embargoedUntil());
			case WITHHELD -> new ArticleVisibility(ArticleVisibility.State.WITHHELD, incoming.embargoedUntil());
			case CANCELED -> new ArticleVisibility(ArticleVisibility.State.WITHDRAWN, incoming.embargoedUntil());
		};
	}

	/**
	 * The version as the provider wrote it; without one, when it was made, or else what
	 * it says, so that the same version again is recognised.
	 */
	static String versionKey(IncomingVersion incoming) {
		if (incoming.version() != null && !incoming.version().isBlank()) {
			return incoming.version().strip();
		}
		if (incoming.versionCreated() != null) {
			return incoming.versionCreated().toString();
		}
		NewArticle text = incoming.article();
		return "text:"
				+ ArticleText.contentHash(text.metadata().title() + "\n" + text.body() + "\n" + incoming.status());
	}

	/**
	 * Whether a version comes after the one the article shows: by the provider's version
	 * numbers when both have one, else by when each was made, else by arriving later.
	 */
	static boolean newer(Long number, Instant created, Long currentNumber, Instant currentCreated) {
		if (number != null && currentNumber != null) {
			return number > currentNumber;
		}
		if (created != null && currentCreated != null) {
			return created.isAfter(currentCreated);
		}
		return true;
	}

	private static Long number(String version) {
		if (version == null) {
			return null;
		}
		try {
			return Long.parseLong(version.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void tooLong(String field, String what, String value, int limit) {
		if (value != null && value.length() > limit) {
			throw new InvalidArticleException(field,
					"The %s is %,d characters long; at most %,d are taken.".formatted(what, value.length(), limit));
		}
	}

}
