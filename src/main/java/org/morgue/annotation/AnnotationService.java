package org.morgue.annotation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annotations of articles: writing, changing and deleting them (the author or an
 * administrator), reading them, and the notes for the index. Every change publishes an
 * {@link EditorialChange} and an {@link ArticleAnnotationsChanged} in its transaction.
 */
@Service
public class AnnotationService {

	/** The longest note, in characters. */
	public static final int MAX_NOTE_CHARS = 20_000;

	private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

	private final AnnotationStore store;

	private final ArticleService articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AnnotationService(AnnotationStore store, ArticleService articles, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.store = store;
		this.articles = articles;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Annotates a passage of an article, written by the signed-in user.
	 * @throws org.morgue.article.ArticleNotFoundException when there is no such article
	 * @throws InvalidAnnotationException when the note is empty or too long, or the
	 * passage is not in the article's text
	 */
	@Transactional
	public AnnotationDetails create(long articleId, String note, AnnotationTarget target) {
		String checked = checkNote(note);
		ArticleDetails article = articles.get(articleId);
		PassageSelectors at = Anchoring.resolve(target, article.body());
		long id = store.insert(articleId, CurrentActor.name(), Instant.now(clock), checked, at);
		events.publishEvent(
				EditorialChange.ofArticle("annotation.created", subject(id), articleId, null, state(checked, at)));
		events.publishEvent(new ArticleAnnotationsChanged(List.of(articleId)));
		return get(id);
	}

	/**
	 * Replaces the note and, when a target is given, the passage.
	 * @param expectedVersion the version the client changed, or {@code null} not to check
	 * @throws AnnotationNotFoundException when there is no such annotation
	 * @throws AccessDeniedException when the signed-in user is neither its author nor an
	 * administrator
	 * @throws AnnotationChangedException when it is no longer at the expected version
	 * @throws InvalidAnnotationException when the note or the target is not acceptable
	 */
	@Transactional
	public AnnotationDetails update(long id, Integer expectedVersion, String note, AnnotationTarget target) {
		AnnotationDetails current = store.lock(id).orElseThrow(() -> new AnnotationNotFoundException(id));
		requireMayChange(current);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new AnnotationChangedException(id, expectedVersion, current.version());
		}
		String checked = checkNote(note);
		PassageSelectors at = current.selectors();
		boolean orphaned = current.orphaned();
		if (target != null && !describes(target, current.selectors())) {
			at = Anchoring.resolve(target, articles.get(current.articleId()).body());
			orphaned = false;
		}
		store.update(id, checked, at, orphaned, Instant.now(clock));
		events.publishEvent(EditorialChange.ofArticle("annotation.updated", subject(id), current.articleId(),
				state(current.note(), current.selectors()), state(checked, at)));
		events.publishEvent(new ArticleAnnotationsChanged(List.of(current.articleId())));
		return get(id);
	}

	/**
	 * @throws AnnotationNotFoundException when there is no such annotation
	 * @throws AccessDeniedException when the signed-in user is neither its author nor an
	 * administrator
	 */
	@Transactional
	public void delete(long id) {
		AnnotationDetails current = store.lock(id).orElseThrow(() -> new AnnotationNotFoundException(id));
		requireMayChange(current);
		store.delete(id);
		events.publishEvent(EditorialChange.ofArticle("annotation.deleted", subject(id), current.articleId(),
				state(current.note(), current.selectors()), null));
		events.publishEvent(new ArticleAnnotationsChanged(List.of(current.articleId())));
	}

	/**
	 * @throws AnnotationNotFoundException when there is no such annotation
	 */
	@Transactional(readOnly = true)
	public AnnotationDetails get(long id) {
		return store.find(id).orElseThrow(() -> new AnnotationNotFoundException(id));
	}

	/**
	 * An article's annotations in the order of their passages, the orphaned last.
	 * @throws org.morgue.article.ArticleNotFoundException when there is no such article
	 */
	@Transactional(readOnly = true)
	public List<AnnotationDetails> ofArticle(long articleId) {
		articles.get(articleId);
		return store.ofArticle(articleId, false);
	}

	/**
	 * The annotations of these articles, by article id (articles without any are left
	 * out).
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<AnnotationDetails>> ofArticles(Collection<Long> articleIds) {
		return store.ofArticles(articleIds);
	}

	/**
	 * Gives an article back the annotations an export of the archive carried (in the
	 * caller's transaction, with the article just stored): authors, times and orphaned
	 * state as they were.
	 * @throws InvalidAnnotationException when a note is empty or too long, or a passage
	 * that is not orphaned is not where its selectors say in the article's text
	 */
	@Transactional
	public void restore(long articleId, List<ArchivedAnnotation> annotations) {
		if (annotations.isEmpty()) {
			return;
		}
		String body = articles.get(articleId).body();
		for (ArchivedAnnotation annotation : annotations) {
			checkNote(annotation.note());
			PassageSelectors at = annotation.selectors();
			if (!annotation.orphaned() && !at.isIn(body)) {
				throw new InvalidAnnotationException("annotations", "An annotation's passage '" + at.exact()
						+ "' is not at " + at.start() + "-" + at.end() + " in the article's text.");
			}
			store.insertArchived(articleId, annotation);
		}
		events.publishEvent(new ArticleAnnotationsChanged(List.of(articleId)));
	}

	/** What a user annotated, newest first. */
	@Transactional(readOnly = true)
	public List<AnnotationDetails> byCreator(String creator, int offset, int limit) {
		return store.byCreator(creator, offset, limit);
	}

	/** How many annotations a user wrote. */
	@Transactional(readOnly = true)
	public long countByCreator(String creator) {
		return store.countByCreator(creator);
	}

	/**
	 * The notes of these articles, by article id (articles without any are left out), for
	 * the index.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<String>> notesOf(Collection<Long> articleIds) {
		return store.notesOf(articleIds);
	}

	/**
	 * Whether the signed-in user may change or delete the annotation: its author or an
	 * administrator.
	 */
	public boolean mayChange(AnnotationDetails annotation) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		return annotation.creator().equals(CurrentActor.name()) || authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
	}

	/**
	 * Moves the annotations of an article whose text was corrected, in the caller's
	 * transaction.
	 * @return how many were orphaned by the correction
	 */
	@Transactional
	int reanchor(long articleId, String correctedBody) {
		int orphanedNow = 0;
		for (AnnotationDetails annotation : store.ofArticle(articleId, true)) {
			Optional<PassageSelectors> moved = Anchoring.reanchor(annotation.selectors(), correctedBody);
			if (moved.isPresent()) {
				if (!moved.get().equals(annotation.selectors()) || annotation.orphaned()) {
					store.reposition(annotation.id(), moved.get(), false);
				}
			}
			else if (!annotation.orphaned()) {
				store.reposition(annotation.id(), annotation.selectors(), true);
				orphanedNow++;
			}
		}
		return orphanedNow;
	}

	/**
	 * Whether a target sent back is the passage as stored (it may be orphaned, so not in
	 * the text).
	 */
	private static boolean describes(AnnotationTarget target, PassageSelectors at) {
		return at.exact().equals(target.exact()) && Integer.valueOf(at.start()).equals(target.start())
				&& Integer.valueOf(at.end()).equals(target.end());
	}

	private void requireMayChange(AnnotationDetails annotation) {
		if (!mayChange(annotation)) {
			throw new AccessDeniedException("Only the author of annotation " + annotation.id()
					+ " or an administrator may change or delete it.");
		}
	}

	private static String checkNote(String note) {
		if (note == null || note.isBlank()) {
			throw new InvalidAnnotationException("body.value", "The note is empty: write what you want to say.");
		}
		if (note.length() > MAX_NOTE_CHARS) {
			throw new InvalidAnnotationException("body.value",
					"The note is longer than %,d characters.".formatted(MAX_NOTE_CHARS));
		}
		return note.strip();
	}

	private static String subject(long id) {
		return "annotation " + id;
	}

	private static Map<String, Object> state(String note, PassageSelectors at) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("note", note);
		state.put("exact", at.exact());
		state.put("start", at.start());
		state.put("end", at.end());
		return state;
	}

}
