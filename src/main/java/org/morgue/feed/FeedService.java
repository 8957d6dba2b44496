package org.morgue.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.morgue.intake.FetchFailedException;
import org.morgue.intake.FetchRefusedException;
import org.morgue.intake.WebFetcher;
import org.morgue.system.CurrentActor;

import org.springframework.stereotype.Service;

/**
 * The feeds the archive takes copy from: registering them (an address or a drop folder),
 * their status, a poll now, pausing, resuming and removing them. Polling on schedule is
 * this module's own work. Thread-safe.
 */
@Service
public class FeedService {

	public static final int MAX_SOURCE_LENGTH = 200;

	public static final int MAX_LOCATION_LENGTH = 2000;

	private final FeedStore store;

	private final FeedPolls polls;

	private final WebFetcher fetcher;

	private final FeedProperties properties;

	private final Clock clock;

	FeedService(FeedStore store, FeedPolls polls, WebFetcher fetcher, FeedProperties properties,
			Optional<Clock> clock) {
		this.store = store;
		this.polls = polls;
		this.fetcher = fetcher;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Registers a feed: an http or https address, or a folder on the archive's disk. It
	 * is due at once.
	 * @param url the address to poll, or {@code null} for a folder
	 * @param folder the absolute path of the drop folder, or {@code null} for an address
	 * @param source the agency or publication to credit when a document names none
	 * @param intervalSeconds how often to poll, or {@code null} for
	 * {@code morgue.feeds.default-interval}
	 * @throws InvalidFeedException when the address is not one the server fetches from,
	 * the folder is not there, or the interval is out of bounds
	 * @throws FeedConflictException when the address or folder is registered already
	 */
	public FeedStatus add(String url, String folder, String source, Integer intervalSeconds) {
		boolean hasUrl = url != null && !url.isBlank();
		boolean hasFolder = folder != null && !folder.isBlank();
		if (hasUrl == hasFolder) {
			throw new InvalidFeedException(hasUrl ? "folder" : "url", hasUrl ? "Give a url or a folder, not both."
					: "Give the feed's url (http or https), or the folder agencies put its files into.");
		}
		String location = hasUrl ? address(url) : folder(folder);
		String credit = (source != null && !source.isBlank()) ? source.strip() : null;
		if (credit != null && credit.length() > MAX_SOURCE_LENGTH) {
			throw new InvalidFeedException("source", "The source is " + credit.length() + " characters long; at most "
					+ MAX_SOURCE_LENGTH + " are taken.");
		}
		int interval = interval(intervalSeconds);
		long id = store.insert(hasUrl ? FeedKind.URL : FeedKind.FOLDER, location, credit, interval, clock.instant(),
				CurrentActor.name());
		if (id < 0) {
			throw new FeedConflictException(location + " is registered already, as feed "
					+ store.idOf(location).map(String::valueOf).orElse("?") + ".");
		}
		return get(id);
	}

	public List<FeedStatus> list() {
		return store.all();
	}

	/**
	 * @throws FeedNotFoundException when there is no such feed
	 */
	public FeedStatus get(long id) {
		return store.find(id).orElseThrow(() -> new FeedNotFoundException(id));
	}

	/**
	 * Polls a feed now, paused or not, and answers its status after the poll (which may
	 * have failed: its status says why).
	 * @throws FeedConflictException when a node is polling it right now
	 */
	public FeedStatus poll(long id) {
		FeedStatus feed = get(id);
		if (polls.pollNow(id).isEmpty()) {
			throw new FeedConflictException("Feed " + id + " is being polled right now"
					+ ((feed.pollingBy() != null) ? " (by " + feed.pollingBy() + ")" : "")
					+ "; try again when it is done.");
		}
		return get(id);
	}

	/** Stops polling a feed on its schedule; a poll under way finishes. */
	public FeedStatus pause(long id) {
		if (!store.setPaused(id, true)) {
			throw new FeedNotFoundException(id);
		}
		return get(id);
	}

	/** Polls a paused feed on its schedule again, starting now when it is overdue. */
	public FeedStatus resume(long id) {
		if (!store.setPaused(id, false)) {
			throw new FeedNotFoundException(id);
		}
		return get(id);
	}

	/**
	 * Forgets a feed. The stories it brought stay in the archive; a drop folder's files
	 * stay on disk.
	 */
	public void delete(long id) {
		if (!store.delete(id)) {
			throw new FeedNotFoundException(id);
		}
	}

	private String address(String url) {
		if (url.length() > MAX_LOCATION_LENGTH) {
			throw new InvalidFeedException("url", "The address is longer than " + MAX_LOCATION_LENGTH + " characters.");
		}
		URI uri = absolute(url);
		try {
			fetcher.check(uri);
		}
		catch (FetchRefusedException | FetchFailedException ex) {
			throw new InvalidFeedException("url", ex.getMessage());
		}
		return uri.toString();
	}

	private static URI absolute(String url) {
		try {
			URI uri = new URI(url.strip());
			if (!uri.isAbsolute() || uri.getHost() == null) {
				throw new InvalidFeedException("url", "'" + url + "' is not an absolute http or https address.");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidFeedException("url", "'" + url + "' is not an address: " + ex.getReason() + ".");
		}
	}

	private static String folder(String folder) {
		if (folder.length() > MAX_LOCATION_LENGTH) {
			throw new InvalidFeedException("folder", "The path is longer than " + MAX_LOCATION_LENGTH + " characters.");
		}
		Path path;
		try {
			path = Path.of(folder.strip());
		}
		catch (InvalidPathException ex) {
			throw new InvalidFeedException("folder", "'" + folder + "' is not a path: " + ex.getReason() + ".");
		}
		if (!path.isAbsolute()) {
			throw new InvalidFeedException("folder", "Give the folder's absolute path, not '" + folder + "'.");
		}
		path = path.normalize();
		if (!Files.isDirectory(path)) {
			throw new InvalidFeedException("folder", "There is no folder " + path + " on the archive's machine.");
		}
		if (!Files.isReadable(path) || !Files.isWritable(path)) {
			throw new InvalidFeedException("folder", "The archive cannot read and write the folder " + path
					+ ": it moves each file it takes to done/ or failed/ in it.");
		}
		return path.toString();
	}

	private int interval(Integer seconds) {
		if (seconds == null) {
			return (int) properties.defaultInterval().toSeconds();
		}
		Duration interval = Duration.ofSeconds(seconds);
		if (interval.compareTo(properties.minInterval()) < 0 || interval.compareTo(properties.maxInterval()) > 0) {
			throw new InvalidFeedException("intervalSeconds",
					"The interval must be between " + properties.minInterval().toSeconds() + " and "
							+ properties.maxInterval().toSeconds() + " seconds, not " + seconds + ".");
		}
		return seconds;
	}

}
