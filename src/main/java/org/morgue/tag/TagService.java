package org.morgue.tag;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.morgue.article.ArticleNotFoundException;
import org.morgue.article.ArticleService;
import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags on articles. Every change publishes {@link ArticleTagsChanged} (the index follows
 * it after commit) and an {@link EditorialChange} (the history records it) in its
 * transaction; a change that changes nothing (a tag the article already has) publishes
 * neither.
 */
@Service
public class TagService {

	/** The subject of a tag's editorial changes: "tag Myanmar". */
	private static final String SUBJECT = "tag ";

	private final TagStore store;

	private final ArticleService articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TagService(TagStore store, ArticleService articles, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.articles = articles;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Gives the article the tag, creating the tag as written if no tag has that name in
	 * any case. Giving it again changes nothing.
	 * @return the article's tags, A to Z
	 * @throws ArticleNotFoundException when there is no such article
	 * @throws InvalidTagException when the name is not a tag name
	 */
	@Transactional
	public List<String> add(long articleId, String tag) {
		String name = TagNames.normalize("tag", tag);
		requireArticle(articleId);
		TagStore.StoredTag stored = store.findOrCreate(name, clock.instant(), CurrentActor.name());
		if (store.tag(articleId, stored.id(), clock.instant(), CurrentActor.name())) {
			changed("tag.added", stored.name(), List.of(articleId), null, Map.of("tag", stored.name()));
		}
		return tagsOf(articleId);
	}

	/**
	 * Takes the tag off the article; taking off a tag it does not have changes nothing.
	 * @return the article's tags, A to Z
	 * @throws ArticleNotFoundException when there is no such article
	 * @throws InvalidTagException when the name is not a tag name
	 */
	@Transactional
	public List<String> remove(long articleId, String tag) {
		String name = TagNames.normalize("tag", tag);
		requireArticle(articleId);
		store.find(name).ifPresent(stored -> {
			if (store.untag(articleId, stored.id())) {
				changed("tag.removed", stored.name(), List.of(articleId), Map.of("tag", stored.name()), null);
			}
		});
		return tagsOf(articleId);
	}

	/**
	 * Gives the tag to every one of these articles (those that no longer exist are
	 * skipped) in a few statements, with one editorial change for them all.
	 * @return how many articles got the tag now (those that had it already are not
	 * counted)
	 * @throws InvalidTagException when the name is not a tag name
	 */
	@Transactional
	public int tagAll(String tag, List<Long> articleIds) {
		String name = TagNames.normalize("tag", tag);
		TagStore.StoredTag stored = store.findOrCreate(name, clock.instant(), CurrentActor.name());
		// Which articles exist is read in this transaction, which then tags them.
		List<Long> tagged = store.tagAll(articles.existing(articleIds), stored.id(), clock.instant(),
				CurrentActor.name());
		if (!tagged.isEmpty()) {
			changed("tag.added", stored.name(), tagged, null, Map.of("tag", stored.name()));
		}
		return tagged.size();
	}

	/** The article's tags, A to Z. */
	@Transactional(readOnly = true)
	public List<String> tagsOf(long articleId) {
		return store.tagsOf(List.of(articleId)).getOrDefault(articleId, List.of());
	}

	/**
	 * The tags of each of these articles, A to Z, in one query; articles without tags are
	 * left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<String>> tagsOf(Collection<Long> articleIds) {
		return store.tagsOf(articleIds);
	}

	/**
	 * Tags whose name starts with the prefix, in any case, most used first.
	 * @param prefix the start of the name, or {@code null} or blank for every tag
	 */
	@Transactional(readOnly = true)
	public List<TagSummary> list(String prefix, int offset, int limit) {
		return store.list(prefix(prefix), offset, limit);
	}

	/** How many tags {@link #list} lists for the prefix. */
	@Transactional(readOnly = true)
	public long count(String prefix) {
		return store.count(prefix(prefix));
	}

	/**
	 * The tag of this name, in any case.
	 * @throws TagNotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public TagSummary get(String name) {
		return existing(name).summary();
	}

	/**
	 * The articles with the tag, newest first (unknown dates last).
	 * @throws TagNotFoundException when there is no such tag
	 */
	@Transactional(readOnly = true)
	public List<Long> articleIds(String name, int offset, int limit) {
		// The article module orders them: dates are its columns.
		return articles.newestFirst(store.allArticleIds(existing(name).id()), offset, limit);
	}

	/**
	 * Renames the tag on every article that has it; a new case of the same name is a
	 * rename too.
	 * @throws TagNotFoundException when there is no such tag
	 * @throws InvalidTagException when the new name is not a tag name or is another tag's
	 * (merge them instead)
	 */
	@Transactional
	public TagSummary rename(String name, String newName) {
		TagStore.StoredTag tag = existing(name);
		String renamed = TagNames.normalize("name", newName);
		store.find(renamed).filter(other -> other.id() != tag.id()).ifPresent(other -> {
			throw new InvalidTagException("name",
					"There is already a tag “" + other.name() + "”: merge “" + tag.name() + "” into it instead.");
		});
		if (!renamed.equals(tag.name())) {
			store.rename(tag.id(), renamed);
			List<Long> articles = store.allArticleIds(tag.id());
			changed("tag.renamed", renamed, articles, Map.of("tag", tag.name()), Map.of("tag", renamed));
		}
		return existing(renamed).summary();
	}

	/**
	 * Gives every article of one tag the other, and deletes the first.
	 * @return the tag merged into
	 * @throws TagNotFoundException when either tag does not exist
	 * @throws InvalidTagException when they are the same tag
	 */
	@Transactional
	public TagSummary merge(String name, String into) {
		TagStore.StoredTag from = existing(name);
		TagStore.StoredTag target = existing(TagNames.normalize("into", into));
		if (from.id() == target.id()) {
			throw new InvalidTagException("into", "A tag cannot be merged into itself.");
		}
		List<Long> articles = store.merge(from.id(), target.id());
		changed("tag.merged", target.name(), articles, Map.of("tag", from.name()), Map.of("tag", target.name()));
		return existing(target.name()).summary();
	}

	private TagStore.StoredTag existing(String name) {
		if (name == null || name.isBlank()) {
			throw new TagNotFoundException(String.valueOf(name));
		}
		String normalized = name.strip().replaceAll("[\\p{Z}\\s]+", " ");
		return store.find(normalized).orElseThrow(() -> new TagNotFoundException(normalized));
	}

	private void requireArticle(long articleId) {
		if (!articles.exists(articleId)) {
			throw new ArticleNotFoundException(articleId);
		}
	}

	private static String prefix(String prefix) {
		return (prefix != null && !prefix.isBlank()) ? prefix.strip().replaceAll("[\\p{Z}\\s]+", " ") : null;
	}

	private void changed(String kind, String tag, List<Long> articleIds, Object before, Object after) {
		events.publishEvent(new EditorialChange(kind, SUBJECT + tag, articleIds, before, after));
		if (!articleIds.isEmpty()) {
			events.publishEvent(new ArticleTagsChanged(articleIds));
		}
	}

}
