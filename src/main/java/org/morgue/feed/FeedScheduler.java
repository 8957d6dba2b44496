package org.morgue.feed;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import org.morgue.system.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Looks for due feeds every {@code morgue.feeds.tick} once the archive has started (when
 * {@code morgue.feeds.enabled}), and polls them on a job thread of its own, one after the
 * other; and renews this node's claims while any poll runs, including those an
 * administrator started.
 */
@Component
class FeedScheduler {

	private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

	private final FeedPolls polls;

	private final FeedProperties properties;

	private final Workers workers;

	private final AtomicReference<Thread> running = new AtomicReference<>();

	private volatile ScheduledFuture<?> ticks;

	private volatile ScheduledFuture<?> renewals;

	FeedScheduler(FeedPolls polls, FeedProperties properties, Workers workers) {
		this.polls = polls;
		this.properties = properties;
		this.workers = workers;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		long renewal = properties.renewal().toMillis();
		renewals = workers.timer().scheduleWithFixedDelay(this::renew, renewal, renewal, TimeUnit.MILLISECONDS);
		if (properties.enabled()) {
			long tick = properties.tick().toMillis();
			ticks = workers.timer().scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
			log.info("Polling feeds as {}, looking for due feeds every {} s", polls.node(),
					properties.tick().toSeconds());
		}
	}

	/** Starts polling the due feeds unless this node is at it already. */
	private void tick() {
		Thread current = running.get();
		if (current != null && current.isAlive()) {
			return;
		}
		running.set(workers.startJob("feeds", () -> {
			try {
				polls.pollDue();
			}
			catch (RuntimeException ex) {
				// the database is away, say: the next tick tries again
				log.warn("Polling feeds stopped: {}", ex.toString());
			}
		}));
	}

	private void renew() {
		try {
			polls.renewClaims();
		}
		catch (RuntimeException ex) {
			log.warn("Claims on feeds could not be renewed: {}", ex.toString());
		}
	}

	@PreDestroy
	void stop() {
		if (ticks != null) {
			ticks.cancel(false);
		}
		if (renewals != null) {
			renewals.cancel(false);
		}
	}

}
