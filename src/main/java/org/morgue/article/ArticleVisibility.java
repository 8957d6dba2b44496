package org.morgue.article;

import java.time.Instant;

/**
 * Whether readers see an article. Editors and administrators always do, with the article
 * marked; the archive's own work (indexing, analysis, exports) sees every article.
 *
 * @param state visible, withheld (until a usable version comes) or withdrawn (killed)
 * @param embargoedUntil readers see it only from this instant, or {@code null}
 */
public record ArticleVisibility(State state, Instant embargoedUntil) {

	public static final ArticleVisibility VISIBLE = new ArticleVisibility(State.VISIBLE, null);

	public ArticleVisibility {
		state = (state != null) ? state : State.VISIBLE;
	}

	public enum State {

		VISIBLE, WITHHELD, WITHDRAWN

	}

	/**
	 * Until when readers do not see it: {@code null} when they do now and always will.
	 */
	public Instant hiddenUntil() {
		return (state != State.VISIBLE) ? Instant.MAX : embargoedUntil;
	}

	/** Whether readers see it at this instant. */
	public boolean visibleAt(Instant now) {
		Instant until = hiddenUntil();
		return until == null || !until.isAfter(now);
	}

}
