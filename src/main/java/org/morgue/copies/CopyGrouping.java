package org.morgue.copies;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyStore.BandHit;
import org.morgue.copies.CopyStore.CopyRow;
import org.morgue.copies.CopyStore.Decision;
import org.morgue.system.Workers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Groups articles as they are stored, a batch at a time, in the storing transaction: each
 * article's signature; the stored articles that share a band and fall within the window;
 * the real overlap of the texts deciding which are copies; and the groups of those copies
 * joined with the article's, unless an editor has put two of their articles apart.
 * Articles are taken in id order, so a batch groups as the same articles stored one by
 * one would.
 */
@Component
class CopyGrouping {

	private final CopyStore store;

	private final ArticleService articles;

	private final CopiesProperties properties;

	private final ApplicationEventPublisher events;

	private final Workers workers;

	CopyGrouping(CopyStore store, ArticleService articles, CopiesProperties properties,
			ApplicationEventPublisher events, Workers workers) {
		this.store = store;
		this.articles = articles;
		this.properties = properties;
		this.events = events;
		this.workers = workers;
	}

	/** The day that places an article in the window: publication, else receipt. */
	static LocalDate day(ArticleContent content) {
		if (content.publishedDate() != null) {
			return content.publishedDate();
		}
		return (content.ingestedAt() != null) ? LocalDate.ofInstant(content.ingestedAt(), ZoneOffset.UTC)
				: LocalDate.now(ZoneOffset.UTC);
	}

	/**
	 * Groups these articles (new, or stored again after a change), in the caller's
	 * transaction.
	 * @return how many were grouped (those whose text and day had not changed are left)
	 */
	int group(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		store.lock();
		List<ArticleContent> contents = articles.contents(new ArrayList<>(new TreeSet<>(ids)));
		List<CopySignature> signatures = workers.map(contents, content -> CopySignature.of(content.body())).join();
		Map<Long, CopyRow> before = store.rows(ids);
		Set<Long> changed = new LinkedHashSet<>();
		List<Incoming> incoming = new ArrayList<>();
		for (int i = 0; i < contents.size(); i++) {
			ArticleContent content = contents.get(i);
			CopySignature signature = signatures.get(i);
			LocalDate day = day(content);
			CopyRow row = before.get(content.id());
			if (row != null && row.signatureVersion() == CopySignature.VERSION
					&& row.textHash() == signature.textHash()) {
				if (!row.day().equals(day)) {
					store.moveDay(row, day);
				}
				continue;
			}
			if (row != null) {
				changed.addAll(leave(row));
			}
			incoming.add(new Incoming(content.id(), day, signature));
		}
		if (!incoming.isEmpty()) {
			changed.addAll(link(incoming));
		}
		incoming.forEach(article -> changed.remove(article.id()));
		if (!changed.isEmpty()) {
			events.publishEvent(new CopyGroupsChanged(List.copyOf(changed)));
		}
		return incoming.size();
	}

	/**
	 * Takes the article out of its group (it is being deleted, or its text changed).
	 * @return the articles whose indexed group changes: the last one left alone
	 */
	List<Long> leave(CopyRow row) {
		store.remove(row);
		List<Long> rest = store.members(List.of(row.groupId())).getOrDefault(row.groupId(), List.of());
		if (!rest.isEmpty() && row.groupId() == row.articleId()) {
			// The group was named after the article: the rest take the lowest id left,
			// so that the article can never rejoin them by its name alone.
			store.setGroup(rest, rest.get(0));
			return rest;
		}
		return (rest.size() == 1) ? rest : List.of();
	}

	/** Called with the grouping lock held, in the deleting transaction. */
	void delete(long articleId) {
		store.lock();
		CopyRow row = store.rows(List.of(articleId)).get(articleId);
		if (row != null) {
			List<Long> changed = leave(row);
			if (!changed.isEmpty()) {
				events.publishEvent(new CopyGroupsChanged(changed));
			}
		}
	}

	private record Incoming(long id, LocalDate day, CopySignature signature) {
	}

	private record Link(long articleId, double similarity) {
	}

	/** Finds each incoming article's copies and joins their groups. */
	private Set<Long> link(List<Incoming> incoming) {
		int window = properties.windowDays();
		Set<Long> incomingIds = new HashSet<>();
		Set<Long> bands = new HashSet<>();
		for (Incoming article : incoming) {
			incomingIds.add(article.id());
			for (long band : article.signature().bands()) {
				bands.add(band);
			}
		}
		// Stored candidates: a band in common and a day within the window.
		Map<Long, Set<Long>> storedCandidates = new HashMap<>();
		Map<Long, List<BandHit>> hitsByBand = new HashMap<>();
		for (BandHit hit : store.withBands(bands)) {
			if (!incomingIds.contains(hit.articleId())) {
				hitsByBand.computeIfAbsent(hit.band(), band -> new ArrayList<>()).add(hit);
			}
		}
		Set<Long> candidateIds = new HashSet<>();
		for (Incoming article : incoming) {
			Set<Long> found = new HashSet<>();
			for (long band : article.signature().bands()) {
				for (BandHit hit : hitsByBand.getOrDefault(band, List.of())) {
					if (Math.abs(hit.day().toEpochDay() - article.day().toEpochDay()) <= window) {
						found.add(hit.articleId());
					}
				}
			}
			storedCandidates.put(article.id(), found);
			candidateIds.addAll(found);
		}
		Map<Long, CopySignature> candidateSignatures = new HashMap<>();
		if (!candidateIds.isEmpty()) {
			List<ArticleContent> texts = articles.contents(List.copyOf(candidateIds));
			List<CopySignature> computed = workers.map(texts, content -> CopySignature.of(content.body())).join();
			for (int i = 0; i < texts.size(); i++) {
				candidateSignatures.put(texts.get(i).id(), computed.get(i));
			}
		}
		// The groups involved, with all their members, and every decision about them.
		Groups groups = new Groups();
		Map<Long, CopyRow> candidateRows = store.rows(candidateIds);
		Set<Long> involvedGroups = new HashSet<>();
		candidateRows.values().forEach(row -> involvedGroups.add(row.groupId()));
		List<Decision> decisions = new ArrayList<>(store.decisions(incomingIds));
		// Articles put together with an incoming one by an editor are in the grouping
		// even when their texts do not link them.
		Set<Long> partners = new HashSet<>();
		for (Decision decision : decisions) {
			if (decision.together()) {
				partners.add(incomingIds.contains(decision.articleId()) ? decision.otherId() : decision.articleId());
			}
		}
		partners.removeAll(candidateRows.keySet());
		partners.removeAll(incomingIds);
		Map<Long, CopyRow> partnerRows = store.rows(partners);
		partnerRows.values().forEach(row -> involvedGroups.add(row.groupId()));
		Map<Long, List<Long>> members = store.members(involvedGroups);
		members.forEach(groups::addStored);
		Set<Long> everyone = new HashSet<>(groups.articles());
		everyone.removeAll(incomingIds);
		decisions.addAll(store.decisions(everyone));
		groups.decisions(decisions);

		// In id order, each article against the stored candidates and the earlier
		// incoming ones.
		Map<Long, List<Incoming>> incomingByBand = new HashMap<>();
		List<CopyRow> rows = new ArrayList<>();
		for (Incoming article : incoming) {
			groups.addIncoming(article.id());
			Map<Long, Double> links = new LinkedHashMap<>();
			for (Long candidate : storedCandidates.get(article.id())) {
				CopySignature other = candidateSignatures.get(candidate);
				if (other != null && groups.has(candidate) && properties.copies(article.signature(), other)) {
					links.merge(candidate, article.signature().containment(other), Math::max);
				}
			}
			Set<Incoming> earlier = new LinkedHashSet<>();
			for (long band : article.signature().bands()) {
				for (Incoming other : incomingByBand.getOrDefault(band, List.of())) {
					if (Math.abs(other.day().toEpochDay() - article.day().toEpochDay()) <= window) {
						earlier.add(other);
					}
				}
				incomingByBand.computeIfAbsent(band, b -> new ArrayList<>()).add(article);
			}
			for (Incoming other : earlier) {
				if (properties.copies(article.signature(), other.signature())) {
					links.merge(other.id(), article.signature().containment(other.signature()), Math::max);
				}
			}
			for (Decision decision : decisions) {
				if (decision.together() && decision.involves(article.id())
						&& groups.has(decision.other(article.id()))) {
					links.merge(decision.other(article.id()), 2.0, Math::max);
				}
			}
			List<Link> ordered = new ArrayList<>();
			links.forEach((id, similarity) -> ordered.add(new Link(id, similarity)));
			ordered.sort(Comparator.comparingDouble(Link::similarity).reversed().thenComparingLong(Link::articleId));
			for (Link link : ordered) {
				groups.join(article.id(), link.articleId());
			}
		}
		for (Incoming article : incoming) {
			rows.add(new CopyRow(article.id(), groups.label(article.id()), article.day(), article.signature().size(),
					article.signature().textHash(), article.signature().bands(), CopySignature.VERSION));
		}
		store.insert(rows);
		return groups.writeStored(store);
	}

	/**
	 * The groups of one grouping, as a union-find over group labels: the stored groups
	 * involved with all their members, and the incoming articles.
	 */
	private static final class Groups {

		private final Map<Long, Long> labelOf = new HashMap<>();

		private final Map<Long, Long> parent = new HashMap<>();

		private final Map<Long, List<Long>> members = new HashMap<>();

		private final Map<Long, Long> storedLabel = new HashMap<>();

		private final Map<Long, Integer> storedSize = new HashMap<>();

		private List<Decision> apart = List.of();

		void addStored(long group, List<Long> articles) {
			parent.put(group, group);
			members.put(group, new ArrayList<>(articles));
			for (Long article : articles) {
				labelOf.put(article, group);
				storedLabel.put(article, group);
			}
			storedSize.put(group, articles.size());
		}

		void addIncoming(long article) {
			labelOf.put(article, article);
			parent.putIfAbsent(article, article);
			members.computeIfAbsent(article, group -> new ArrayList<>()).add(article);
		}

		void decisions(List<Decision> decisions) {
			this.apart = decisions.stream().filter(decision -> !decision.together()).toList();
		}

		Set<Long> articles() {
			return labelOf.keySet();
		}

		boolean has(long article) {
			return labelOf.containsKey(article);
		}

		long label(long article) {
			return find(labelOf.get(article));
		}

		private long find(long group) {
			long root = group;
			while (parent.get(root) != root) {
				root = parent.get(root);
			}
			parent.put(group, root);
			return root;
		}

		/**
		 * Joins the two articles' groups, unless an editor put two of their articles
		 * apart.
		 */
		void join(long article, long other) {
			long a = label(article);
			long b = label(other);
			if (a == b) {
				return;
			}
			for (Decision decision : apart) {
				if (!has(decision.articleId()) || !has(decision.otherId())) {
					continue;
				}
				long x = label(decision.articleId());
				long y = label(decision.otherId());
				if ((x == a && y == b) || (x == b && y == a)) {
					return;
				}
			}
			long target = Math.min(a, b);
			long source = Math.max(a, b);
			parent.put(source, target);
			members.get(target).addAll(members.remove(source));
		}

		/**
		 * Writes the new groups of the stored articles that moved.
		 * @return the stored articles whose indexed group changed: those relabelled, and
		 * those alone before that now have copies
		 */
		Set<Long> writeStored(CopyStore store) {
			Set<Long> changed = new LinkedHashSet<>();
			Map<Long, List<Long>> moves = new HashMap<>();
			storedLabel.forEach((article, stored) -> {
				long now = label(article);
				if (now != stored) {
					moves.computeIfAbsent(now, group -> new ArrayList<>()).add(article);
					changed.add(article);
				}
				else if (storedSize.get(stored) < 2 && members.get(now).size() >= 2) {
					changed.add(article);
				}
			});
			moves.forEach((group, articles) -> store.setGroup(articles, group));
			return changed;
		}

	}

}
