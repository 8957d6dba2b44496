package org.morgue.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.morgue.system.WorkProgress;
import org.morgue.transfer.ImportBusyException;
import org.morgue.transfer.ImportFiles;
import org.morgue.transfer.ImportJobs;
import org.morgue.transfer.ImportJobs.ImportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk imports for administrators: upload back issues (NDJSON, CSV, wire copy, Reuters
 * SGML), watch the import run in the background (done, total, rate, time left), then read
 * its summary with the items that were not stored and why.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ImportPageController {

	private static final Logger log = LoggerFactory.getLogger(ImportPageController.class);

	private final ImportJobs jobs;

	ImportPageController(ImportJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/admin/import")
	String page(Model model) {
		model.addAttribute("job", jobs.current().orElse(null));
		model.addAttribute("extensions", String.join(",", ImportFiles.EXTENSIONS));
		return "admin/import";
	}

	/**
	 * Where the running import stands, for the page's script to move its bar without a
	 * reload.
	 */
	@GetMapping(path = "/admin/import/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ImportProgress progress() {
		return jobs.current().map(ImportProgress::of).orElse(ImportProgress.NONE);
	}

	/** The longest file name most file systems keep (ext4, XFS, APFS, NTFS). */
	static final int MAX_FILE_NAME_BYTES = 255;

	@PostMapping("/admin/import")
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<MultipartFile> chosen = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			String submitted = file.getOriginalFilename();
			// A file input left empty still sends a part, with no name and no bytes.
			if (file.isEmpty() && (submitted == null || submitted.isEmpty())) {
				continue;
			}
			String name = fileName(submitted);
			if (name == null) {
				return refuse(model, response, HttpStatus.BAD_REQUEST,
						"A file has no usable name (“" + submitted + "”); rename it and upload it again.");
			}
			if (name.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
				return refuse(model, response, HttpStatus.BAD_REQUEST,
						"A file's name is longer than " + MAX_FILE_NAME_BYTES
								+ " bytes, more than a file system keeps; rename it and upload it again.");
			}
			if (name.startsWith(".")) {
				return refuse(model, response, HttpStatus.BAD_REQUEST, "“" + name
						+ "” is a hidden file (its name starts with a dot), which an import passes over; rename it to "
						+ "import it. Nothing was imported.");
			}
			if (!ImportFiles.accepts(name)) {
				return refuse(model, response, HttpStatus.BAD_REQUEST, "“" + name + "” cannot be imported: only "
						+ String.join(", ", ImportFiles.EXTENSIONS) + " files can. Nothing was imported.");
			}
			if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				return refuse(model, response, HttpStatus.BAD_REQUEST, "Two files are called “" + name
						+ "”; rename one so that each error can say which file it is in. Nothing was imported.");
			}
			chosen.add(file);
			names.add(name);
		}
		if (chosen.isEmpty()) {
			return refuse(model, response, HttpStatus.BAD_REQUEST, "Choose one or more files to import.");
		}
		// Checked again when the job starts; checked here first so that a busy archive
		// copies nothing.
		try {
			jobs.checkNotBusy();
		}
		catch (ImportBusyException ex) {
			return refuse(model, response, HttpStatus.CONFLICT, ex.getMessage());
		}
		Path folder = null;
		try {
			folder = jobs.newUploadFolder();
			for (int i = 0; i < chosen.size(); i++) {
				Path target = folder.resolve(names.get(i));
				if (!folder.equals(target.getParent())) {
					throw new IOException("'" + names.get(i) + "' is not a plain file name");
				}
				chosen.get(i).transferTo(target);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not save an import upload in {}", folder, ex);
			if (folder != null) {
				jobs.discard(folder);
			}
			return refuse(model, response, HttpStatus.INTERNAL_SERVER_ERROR,
					"The files could not be saved for the import (" + ex.getMessage() + "). Nothing was imported.");
		}
		try {
			jobs.start(folder, principal.getName());
		}
		catch (ImportBusyException ex) {
			return refuse(model, response, HttpStatus.CONFLICT, ex.getMessage());
		}
		redirect.addFlashAttribute("message",
				"Importing " + ((names.size() <= 3) ? String.join(", ", names) : names.size() + " files") + ".");
		return "redirect:/admin/import";
	}

	/**
	 * The name of an uploaded file without any folder a client sent with it, or
	 * {@code null} when nothing usable is left.
	 */
	static String fileName(String submitted) {
		if (submitted == null) {
			return null;
		}
		String name = submitted.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..") || name.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return name;
	}

	/** Shows the page again with why nothing was started. */
	private String refuse(Model model, HttpServletResponse response, HttpStatus status, String error) {
		response.setStatus(status.value());
		model.addAttribute("error", error);
		return page(model);
	}

	/**
	 * The running or last import, as the page's script reads it.
	 *
	 * @param running whether the page should keep polling
	 * @param secondsLeft the time left at the rate so far, or {@code null} when unknown
	 */
	record ImportProgress(boolean running, WorkProgress.State state, long done, long total, int percent,
			double perSecond, Long secondsLeft) {

		static final ImportProgress NONE = new ImportProgress(false, WorkProgress.State.IDLE, 0, 0, 0, 0, null);

		static ImportProgress of(ImportJob job) {
			WorkProgress p = job.progress();
			return new ImportProgress(job.running(), p.state(), p.done(), p.total(), p.percent(), p.perSecond(),
					(p.remaining() != null) ? p.remaining().toSeconds() : null);
		}

	}

}
