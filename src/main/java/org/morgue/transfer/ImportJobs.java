package org.morgue.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.morgue.ingest.IngestService;
import org.morgue.system.MorgueProperties;
import org.morgue.system.WorkClaims;
import org.morgue.system.Workers;
import org.morgue.system.WorkProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports that run in the background for the import page: files uploaded to a folder of
 * their own under the data directory, imported one job at a time with progress for the
 * page to show, and removed once imported. The last job's summary stays for the page
 * until the next one starts.
 * <p>
 * One job at a time across the archive nodes on one database: a job runs while its node
 * holds the {@code import} claim ({@link WorkClaims}), and any node refuses another
 * meanwhile. The files are on the node that received them, so a job whose node dies is
 * not resumed elsewhere (as one the archive stopped during is not resumed at its
 * restart): what it stored is stored, and the claim lapses for the next import.
 */
@Service
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final BulkImport imports;

	private final IngestService ingest;

	private final Path uploads;

	private final Clock clock = Clock.systemUTC();

	private final AtomicReference<ImportJob> current = new AtomicReference<>();

	/** The claim an import job holds while it runs. */
	static final String CLAIM = "import";

	private final Workers workers;

	private final WorkClaims claims;

	ImportJobs(BulkImport imports, IngestService ingest, MorgueProperties properties, Workers workers,
			WorkClaims claims) {
		this.imports = imports;
		this.workers = workers;
		this.claims = claims;
		this.ingest = ingest;
		this.uploads = properties.dataDir().resolve("imports");
		removeLeftovers();
	}

	/**
	 * A job as the page shows it.
	 *
	 * @param files the names of the files imported
	 * @param summary the end, once it is done (or {@code null})
	 */
	public record ImportJob(String startedBy, List<String> files, WorkProgress progress, ImportSummary summary) {

		public boolean running() {
			return summary == null && progress.state() != WorkProgress.State.FAILED;
		}

	}

	/** The job running now, or the last one. */
	public Optional<ImportJob> current() {
		return Optional.ofNullable(current.get());
	}

	/** A new folder for the files of an import to be uploaded into. */
	public Path newUploadFolder() {
		try {
			Files.createDirectories(uploads);
			return Files.createTempDirectory(uploads, "upload-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes an upload folder that will not be imported after all. */
	public void discard(Path folder) {
		Path normalized = folder.toAbsolutePath().normalize();
		if (normalized.startsWith(uploads) && !normalized.equals(uploads)) {
			delete(folder);
		}
	}

	/**
	 * Starts importing the files of an upload folder in the background, as the current
	 * user.
	 * @throws ImportBusyException when an import is running already (the folder is
	 * removed)
	 */
	public synchronized ImportJob start(Path folder, String startedBy) {
		try {
			checkNotBusy();
		}
		catch (ImportBusyException ex) {
			delete(folder);
			throw ex;
		}
		if (!claims.claim(CLAIM, startedBy)) {
			delete(folder);
			throw busyElsewhere();
		}
		List<String> names;
		try (Stream<Path> files = Files.list(folder)) {
			names = files.map(path -> path.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ImportJob job = new ImportJob(startedBy, names,
				WorkProgress.running(reason(startedBy), clock.instant(), 0, 0, clock), null);
		current.set(job);
		// A context of the job's own: signing out clears the session's context, and the
		// articles stored
		// after that would otherwise be recorded as brought in by the system.
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		try {
			workers.startJob("import-job", new DelegatingSecurityContextRunnable(() -> run(folder, job), context));
		}
		catch (RuntimeException | Error ex) {
			claims.release(CLAIM);
			throw ex;
		}
		return job;
	}

	/**
	 * Checks that no import runs, on this node or another.
	 * @throws ImportBusyException when one does
	 */
	public void checkNotBusy() {
		ImportJob running = current.get();
		if (running != null && running.running()) {
			throw new ImportBusyException(running.startedBy(), running.progress());
		}
		if (claims.holder(CLAIM).isPresent()) {
			throw busyElsewhere();
		}
	}

	private ImportBusyException busyElsewhere() {
		return claims.holder(CLAIM)
			.map(claim -> new ImportBusyException(claim.detail(), claim.holder()))
			.orElseGet(() -> new ImportBusyException(null, "another node"));
	}

	private void run(Path folder, ImportJob job) {
		Instant started = clock.instant();
		// The folder rather than its files, so that each item is placed by its file's
		// name, not its path.
		try (ImportSource source = ImportFiles.open(List.of(folder), ingest.maxBodyBytes())) {
			AtomicReference<WorkProgress> finished = new AtomicReference<>();
			ImportSummary summary = imports.run(source, reason(job.startedBy()), outcome -> {
			}, progress -> {
				// The end is shown together with the summary, so that a page that says
				// done has it.
				if (progress.running()) {
					current.set(new ImportJob(job.startedBy(), job.files(), progress, null));
				}
				else {
					finished.set(progress);
				}
			});
			WorkProgress end = (finished.get() != null) ? finished.get()
					: current.get().progress().finished(summary.read(), clock);
			current.set(new ImportJob(job.startedBy(), job.files(), end, summary));
			log.info("Import of {} by {}: {} read, {} created, {} updated, {} duplicates, {} errors in {}", job.files(),
					job.startedBy(), summary.read(), summary.created(), summary.updated(), summary.duplicates(),
					summary.errors(), summary.took());
		}
		catch (IOException | RuntimeException ex) {
			log.error("The import of {} failed", job.files(), ex);
			WorkProgress progress = current.get().progress();
			WorkProgress failed = (progress.startedAt() != null) ? progress
					: WorkProgress.running(reason(job.startedBy()), started, 0, 0, clock);
			current.set(new ImportJob(job.startedBy(), job.files(),
					failed.failed(failed.done(), "The import stopped: " + ex.getMessage(), clock), null));
		}
		finally {
			delete(folder);
			claims.release(CLAIM);
		}
	}

	private static String reason(String startedBy) {
		return "uploaded by " + startedBy;
	}

	/**
	 * Upload folders of imports the archive stopped during are never resumed: their files
	 * go.
	 */
	private void removeLeftovers() {
		if (!Files.isDirectory(uploads)) {
			return;
		}
		try (Stream<Path> folders = Files.list(uploads)) {
			folders.filter(Files::isDirectory).forEach(folder -> {
				log.warn("Removing {}, the files of an import that did not finish before the archive stopped", folder);
				delete(folder);
			});
		}
		catch (IOException ex) {
			log.warn("Could not look for leftover uploads in {}", uploads, ex);
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not remove the upload folder {}", folder, ex);
		}
	}

}
