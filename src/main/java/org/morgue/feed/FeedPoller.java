package org.morgue.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.morgue.feed.FeedStatus.Counts;
import org.morgue.feed.FeedStore.Claimed;
import org.morgue.intake.FetchFailedException;
import org.morgue.intake.IntakeDocument;
import org.morgue.intake.IntakeItem;
import org.morgue.intake.IntakeReport;
import org.morgue.intake.IntakeService;
import org.morgue.intake.WebFetcher;
import org.morgue.intake.WebFetcher.FetchConditions;
import org.morgue.intake.WebFetcher.FetchedDocument;
import org.morgue.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One poll of one claimed feed: its address fetched (conditionally) and taken in, or its
 * drop folder's files taken in one by one. Thread-safe.
 */
@Component
class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	static final String DONE = "done";

	static final String FAILED = "failed";

	private final IntakeService intake;

	private final WebFetcher fetcher;

	private final FeedStore store;

	private final FeedProperties properties;

	FeedPoller(IntakeService intake, WebFetcher fetcher, FeedStore store, FeedProperties properties) {
		this.intake = intake;
		this.fetcher = fetcher;
		this.store = store;
		this.properties = properties;
	}

	/**
	 * What a poll came to: taken (with counts, the validators to send next time and the
	 * error of an item or file that failed alone), or failed as a whole.
	 */
	record Result(Counts taken, String etag, String lastModified, String itemError, String error) {

		static Result failed(String error) {
			return new Result(Counts.none(), null, null, null, error);
		}

		boolean succeeded() {
			return error == null;
		}

	}

	Result poll(Claimed feed) {
		try {
			return (feed.kind() == FeedKind.URL) ? address(feed) : folder(feed);
		}
		catch (InvalidInputException | FetchFailedException ex) {
			return Result.failed(ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Feed {} ({}) failed", feed.id(), feed.location(), ex);
			return Result.failed("The poll stopped on an unexpected error: " + ex);
		}
	}

	private Result address(Claimed feed) {
		URI url = URI.create(feed.location());
		FetchedDocument fetched = fetcher.fetch(url, new FetchConditions(feed.etag(), feed.lastModified()));
		if (fetched.notModified()) {
			return new Result(Counts.none(), fetched.etag(), fetched.lastModified(), null, null);
		}
		IntakeReport report = intake.take(new IntakeDocument(fetched.content(), fetched.contentType(),
				fileName(fetched.url()), fetched.url().toString(), feed.source()));
		return new Result(counts(report), fetched.etag(), fetched.lastModified(), firstError(report), null);
	}

	/**
	 * The files lying settled in the folder, in the order of their names, each taken and
	 * moved out: to {@code done/} when taken, to {@code failed/} beside a {@code .error}
	 * text when refused. A file already taken (a restart came between taking it and
	 * moving it) is moved without being taken again.
	 */
	private Result folder(Claimed feed) {
		Path folder = Path.of(feed.location());
		if (!Files.isDirectory(folder)) {
			return Result.failed("The folder " + folder + " does not exist, or is not a folder.");
		}
		List<Path> files;
		try {
			files = settledFiles(folder);
		}
		catch (IOException ex) {
			return Result.failed("The folder " + folder + " cannot be read: " + ex.getMessage());
		}
		Counts counts = Counts.none();
		String itemError = null;
		for (Path file : files) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			String name = file.getFileName().toString();
			try {
				if (Files.size(file) > properties.maxFileBytes().toBytes()) {
					throw new InvalidFeedException("file",
							"The file is larger than the " + properties.maxFileBytes().toMegabytes()
									+ " MB the archive takes (morgue.feeds.max-file-bytes).");
				}
				byte[] content = Files.readAllBytes(file);
				String sha256 = sha256(content);
				if (store.fileTaken(feed.id(), sha256)) {
					moveTo(folder.resolve(DONE), file);
					counts = counts.plus(new Counts(0, 0, 1, 0));
					continue;
				}
				IntakeReport report = intake.take(new IntakeDocument(content, null, name, null, feed.source()));
				store.recordFile(feed.id(), sha256, name, "taken");
				moveTo(folder.resolve(DONE), file);
				counts = counts.plus(counts(report));
				if (firstError(report) != null) {
					itemError = name + ": " + firstError(report);
				}
			}
			catch (InvalidInputException | FetchFailedException | IOException ex) {
				String reason = (ex instanceof IOException) ? "it could not be read: " + ex.getMessage()
						: ex.getMessage();
				counts = counts.plus(new Counts(0, 0, 0, 1));
				itemError = name + ": " + reason;
				refuse(folder, file, reason);
			}
		}
		return new Result(counts, null, null, itemError, null);
	}

	private List<Path> settledFiles(Path folder) throws IOException {
		FileTime settled = FileTime.from(Instant.now().minus(properties.folderSettle()));
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).filter((file) -> {
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part");
			}).filter((file) -> {
				try {
					return Files.getLastModifiedTime(file).compareTo(settled) <= 0;
				}
				catch (IOException ex) {
					return false;
				}
			}).sorted().toList();
		}
	}

	private void refuse(Path folder, Path file, String reason) {
		try {
			Path moved = moveTo(folder.resolve(FAILED), file);
			Files.writeString(moved.resolveSibling(moved.getFileName() + ".error"), reason + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			log.warn("A refused file in {} stays where it is: {}", folder, ex.getMessage());
		}
	}

	/**
	 * Moves a file into a folder under its own name, or with a number added when that is
	 * taken.
	 */
	private static Path moveTo(Path into, Path file) throws IOException {
		Files.createDirectories(into);
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0) ? name.substring(dot) : "";
		for (int n = 0;; n++) {
			Path target = into.resolve((n == 0) ? name : stem + "-" + n + extension);
			if (Files.exists(target)) {
				continue;
			}
			try {
				return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				// taken meanwhile: the next number
			}
		}
	}

	private static Counts counts(IntakeReport report) {
		return new Counts(report.created(), report.updated(), report.duplicates(), report.failed());
	}

	private static String firstError(IntakeReport report) {
		return report.items()
			.stream()
			.filter((item) -> item.outcome() == IntakeItem.Outcome.FAILED)
			.map(IntakeItem::error)
			.findFirst()
			.orElse(null);
	}

	private static String fileName(URI url) {
		String path = url.getPath();
		return (path != null && !path.isEmpty()) ? path.substring(path.lastIndexOf('/') + 1) : null;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
