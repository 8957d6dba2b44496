package org.morgue.copies;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleSummary;
import org.morgue.copies.CopyStore.CopyRow;
import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The copies of each article: its group with each copy's similarity, counts for search
 * hits and article JSON, the groups the index records, and editors' splits and joins,
 * which are kept as decisions that later articles follow and recorded in the history.
 * Readers see only the copies readers may see.
 */
@Service
public class CopyService {

	/** The most copies listed for one article. */
	static final int MAX_LISTED = 500;

	private final CopyStore store;

	private final CopyGrouping grouping;

	private final ArticleService articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CopyService(CopyStore store, CopyGrouping grouping, ArticleService articles, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.store = store;
		this.grouping = grouping;
		this.articles = articles;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The article's group: every copy the caller may see, earliest first, with its
	 * similarity to this article.
	 * @throws org.morgue.article.ArticleNotFoundException when there is no such article
	 * (or the caller may not see it)
	 */
	public ArticleCopies copiesOf(long articleId) {
		articles.get(articleId);
		CopyRow row = store.rows(List.of(articleId)).get(articleId);
		long group = (row != null) ? row.groupId() : articleId;
		List<Long> members = (row != null) ? store.members(List.of(group)).getOrDefault(group, List.of(articleId))
				: List.of(articleId);
		if (members.size() > MAX_LISTED) {
			members = members.subList(0, MAX_LISTED);
		}
		List<ArticleSummary> seen = new ArrayList<>(articles.summaries(members));
		seen.sort(earliestFirst());
		Map<Long, CopySignature> signatures = new HashMap<>();
		for (ArticleContent content : articles.contents(seen.stream().map(ArticleSummary::id).toList())) {
			signatures.put(content.id(), CopySignature.of(content.body()));
		}
		CopySignature own = signatures.get(articleId);
		List<Copy> copies = new ArrayList<>(seen.size());
		for (ArticleSummary summary : seen) {
			CopySignature other = signatures.get(summary.id());
			double similarity = (summary.id() == articleId) ? 1.0
					: (own != null && other != null) ? Math.round(own.containment(other) * 1000) / 1000.0 : 0;
			copies.add(new Copy(summary.id(), summary.source(), summary.publishedDate(), summary.title(), similarity));
		}
		return new ArticleCopies(group, copies);
	}

	/**
	 * For each of these articles, its group, how many copies the caller may see and their
	 * sources; an article not grouped yet counts as alone.
	 */
	public Map<Long, CopyCount> counts(List<Long> ids) {
		Map<Long, CopyCount> counts = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return counts;
		}
		CopyStore.GroupsOf grouped = store.groupsOf(ids);
		Map<Long, List<Long>> members = grouped.members();
		Set<Long> everyone = new LinkedHashSet<>(ids);
		members.values().forEach(everyone::addAll);
		Map<Long, ArticleSummary> seen = new HashMap<>();
		articles.summaries(List.copyOf(everyone)).forEach(summary -> seen.put(summary.id(), summary));
		for (Long id : ids) {
			Long groupId = grouped.groupOf().get(id);
			List<Long> group = (groupId != null) ? members.getOrDefault(groupId, List.of(id)) : List.of(id);
			List<ArticleSummary> copies = group.stream()
				.map(seen::get)
				.filter(s -> s != null)
				.sorted(earliestFirst())
				.toList();
			List<String> sources = copies.stream()
				.map(ArticleSummary::source)
				.filter(s -> s != null)
				.distinct()
				.toList();
			counts.put(id, new CopyCount((groupId != null) ? groupId : id, Math.max(1, copies.size()), sources));
		}
		return counts;
	}

	/**
	 * For each of these articles that has copies, its group: what the index records to
	 * show a group once.
	 */
	public Map<Long, Long> indexedGroups(List<Long> ids) {
		return store.sharedGroups(ids);
	}

	/**
	 * Takes the article out of its group, and keeps it apart from the group's other
	 * copies from now on: a later article like both joins one of them only.
	 * @throws InvalidCopyDecisionException when the article has no copies
	 */
	@Transactional
	public ArticleCopies split(long articleId) {
		articles.get(articleId);
		store.lock();
		CopyRow row = signedRow(articleId);
		List<Long> members = store.members(List.of(row.groupId())).getOrDefault(row.groupId(), List.of());
		List<Long> others = members.stream().filter(id -> id != articleId).toList();
		if (others.isEmpty()) {
			throw new InvalidCopyDecisionException("article",
					"Article " + articleId + " has no copies to be split from.");
		}
		String by = CurrentActor.name();
		Instant now = clock.instant();
		for (Long other : others) {
			store.decide(articleId, other, false, by, now);
		}
		store.setGroup(List.of(articleId), articleId);
		long rest = (row.groupId() == articleId) ? others.get(0) : row.groupId();
		store.setGroup(others, rest);
		events.publishEvent(new CopyGroupsChanged(members));
		events.publishEvent(new EditorialChange("copies.split", "article " + articleId + " split from its copies",
				members, new GroupState(row.groupId(), members), new GroupState(rest, others)));
		return copiesOf(articleId);
	}

	/**
	 * Joins the groups of two articles, whatever their texts, and keeps them together.
	 * @throws InvalidCopyDecisionException when both are the same article
	 */
	@Transactional
	public ArticleCopies join(long articleId, long otherId) {
		if (articleId == otherId) {
			throw new InvalidCopyDecisionException("article", "An article cannot be joined to itself.");
		}
		articles.get(articleId);
		articles.get(otherId);
		store.lock();
		CopyRow row = signedRow(articleId);
		CopyRow other = signedRow(otherId);
		if (row.groupId() == other.groupId()) {
			return copiesOf(articleId);
		}
		Map<Long, List<Long>> members = store.members(List.of(row.groupId(), other.groupId()));
		List<Long> ours = members.getOrDefault(row.groupId(), List.of(articleId));
		List<Long> theirs = members.getOrDefault(other.groupId(), List.of(otherId));
		store.forget(ours, theirs);
		store.decide(articleId, otherId, true, CurrentActor.name(), clock.instant());
		long target = Math.min(row.groupId(), other.groupId());
		List<Long> all = new ArrayList<>(ours);
		all.addAll(theirs);
		all.sort(Comparator.naturalOrder());
		store.setGroup(all, target);
		events.publishEvent(new CopyGroupsChanged(all));
		events.publishEvent(
				new EditorialChange("copies.joined", "article " + articleId + " joined with article " + otherId, all,
						Map.of("groups",
								List.of(new GroupState(row.groupId(), ours), new GroupState(other.groupId(), theirs))),
						new GroupState(target, all)));
		return copiesOf(articleId);
	}

	/**
	 * The article's row, grouping it first if it has none yet (the backlog is behind).
	 */
	private CopyRow signedRow(long articleId) {
		CopyRow row = store.rows(List.of(articleId)).get(articleId);
		if (row == null) {
			grouping.group(List.of(articleId));
			row = store.rows(List.of(articleId)).get(articleId);
		}
		return row;
	}

	private static Comparator<ArticleSummary> earliestFirst() {
		return Comparator.comparing(ArticleSummary::publishedDate, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(ArticleSummary::id);
	}

	/** A group as the history records it. */
	public record GroupState(long group, List<Long> articles) {
	}

}
