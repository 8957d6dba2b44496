package org.morgue.history;

import java.time.Clock;
import java.util.Optional;

import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records each editorial change as it is published, on the publisher's thread and so in
 * its transaction: a plain listener, not an after-commit one, so that a change rolled
 * back leaves no record and a change committed never lacks one.
 */
@Component
class EditorialChangeRecorder {

	private final HistoryStore store;

	private final Clock clock;

	EditorialChangeRecorder(HistoryStore store, Optional<Clock> clock) {
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@EventListener
	void record(EditorialChange change) {
		store.insert(clock.instant(), CurrentActor.name(), change.kind(), change.subject(), change.before(),
				change.after(), change.articleIds());
	}

}
