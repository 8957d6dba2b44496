package org.morgue.feed;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.morgue.feed.FeedPoller.Result;
import org.morgue.feed.FeedStore.Claimed;
import org.morgue.system.WorkClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Polls feeds this node has claimed, and keeps its claims alive while it does. A claim
 * lasts {@code morgue.feeds.lease} and is renewed every quarter of it, so a long poll
 * keeps its feed, and a node that dies gives it up to the others a lease later.
 * Thread-safe.
 */
@Component
class FeedPolls {

	private static final Logger log = LoggerFactory.getLogger(FeedPolls.class);

	private final String node;

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final FeedStore store;

	private final FeedPoller poller;

	private final FeedProperties properties;

	FeedPolls(FeedStore store, FeedPoller poller, FeedProperties properties, WorkClaims claims) {
		this.node = claims.node();
		this.store = store;
		this.poller = poller;
		this.properties = properties;
	}

	/** This node's name in claims ({@code morgue.node.id}). */
	String node() {
		return node;
	}

	/** Polls one feed now, unless a node (this one or another) is polling it. */
	Optional<Result> pollNow(long id) {
		return store.claim(id, node, properties.lease()).map(this::run);
	}

	/** Polls every feed that is due, one after the other, until none is. */
	void pollDue() {
		while (!Thread.currentThread().isInterrupted()) {
			Optional<Claimed> claimed = store.claimDue(node, properties.lease());
			if (claimed.isEmpty()) {
				return;
			}
			run(claimed.get());
		}
	}

	/** Extends this node's claims on the feeds it is polling. */
	void renewClaims() {
		if (!held.isEmpty()) {
			store.renew(node, Set.copyOf(held), properties.lease());
		}
	}

	private Result run(Claimed feed) {
		held.add(feed.id());
		try {
			Result result = poller.poll(feed);
			if (Thread.currentThread().isInterrupted() && !result.succeeded()) {
				store.release(feed.id(), node);
				return result;
			}
			boolean recorded = result.succeeded()
					? store.succeeded(feed.id(), node, result.taken(), result.etag(), result.lastModified(),
							result.itemError())
					: store.failed(feed.id(), node, result.error(), properties.maxBackoff());
			if (!recorded) {
				log.warn("Feed {} was polled after this node's claim on it had lapsed", feed.id());
			}
			if (!result.succeeded()) {
				log.info("Feed {} ({}) failed: {}", feed.id(), feed.location(), result.error());
			}
			return result;
		}
		finally {
			held.remove(feed.id());
		}
	}

}
