package org.morgue.history;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the history: an article's changes and the audit of all changes, newest first, a
 * page at a time.
 */
@Service
@Transactional(readOnly = true)
public class HistoryService {

	private final HistoryStore store;

	HistoryService(HistoryStore store) {
		this.store = store;
	}

	/**
	 * The changes that touched the article (it may since have been deleted), newest
	 * first.
	 */
	public List<RecordedChange> ofArticle(long articleId, int offset, int limit) {
		return store.ofArticle(articleId, offset, limit);
	}

	/** How many changes touched the article. */
	public long countOfArticle(long articleId) {
		return store.countOfArticle(articleId);
	}

	/** The changes the filter lets through, newest first. */
	public List<RecordedChange> audit(AuditFilter filter, int offset, int limit) {
		return store.audit(filter, offset, limit);
	}

	/** How many changes the filter lets through. */
	public long count(AuditFilter filter) {
		return store.count(filter);
	}

}
