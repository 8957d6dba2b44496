package org.morgue.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.morgue.article.InvalidArticleException;
import org.morgue.article.SavedArticle;
import org.morgue.ingest.ArticleTooLargeException;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.CopyDecoder;
import org.morgue.ingest.IngestService;
import org.morgue.ingest.ParsedCopy;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where editors bring copy in: paste it, check what the parser found, correct it, save;
 * or upload text files.
 */
@Controller
@PreAuthorize("hasRole('EDITOR')")
class IngestPageController {

	private final IngestService ingest;

	IngestPageController(IngestService ingest) {
		this.ingest = ingest;
	}

	@GetMapping("/articles/new")
	String form(Model model) {
		model.addAttribute("form", ArticleForm.empty());
		return "articles/new";
	}

	@PostMapping("/articles/new")
	String submit(@ModelAttribute("form") ArticleForm form, @RequestParam(defaultValue = "save") String action,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String raw = (form.raw() != null) ? form.raw() : "";
		if ("parse".equals(action)) {
			if (raw.isBlank()) {
				return refuse(model, response, form, new InvalidArticleException("body", "Paste some copy first."));
			}
			ParsedCopy parsed = ingest.parse(raw);
			model.addAttribute("parsed", parsed);
			model.addAttribute("form", ArticleForm.of(raw, parsed));
			return "articles/new";
		}
		SavedArticle saved;
		try {
			saved = ingest.ingestCopy(raw, form.wasChecked() ? form.corrections() : CopyCorrections.none());
		}
		catch (InvalidArticleException ex) {
			return refuse(model, response, form, ex);
		}
		if (saved.created()) {
			redirect.addFlashAttribute("message", "Saved.");
			return "redirect:/articles/" + saved.article().id();
		}
		model.addAttribute("duplicate", saved.article());
		return "articles/new";
	}

	@PostMapping("/articles/upload")
	String upload(@RequestParam("files") List<MultipartFile> files, Model model) {
		List<UploadResult> results = new ArrayList<>();
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
				continue;
			}
			results.add(store(file));
		}
		model.addAttribute("results", results);
		model.addAttribute("created", count(results, UploadResult.CREATED));
		model.addAttribute("duplicates", count(results, UploadResult.DUPLICATE));
		model.addAttribute("failed", count(results, UploadResult.FAILED));
		return "articles/uploaded";
	}

	private UploadResult store(MultipartFile file) {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "(no name)";
		if (!name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
			return UploadResult.failed(name, "Only .txt files of wire copy can be uploaded.");
		}
		try {
			if (file.getSize() > ingest.maxBodyBytes()) {
				throw new ArticleTooLargeException("file", ingest.maxBodyBytes());
			}
			String raw = CopyDecoder.decode(file.getBytes(), StandardCharsets.UTF_8, "file");
			SavedArticle saved = ingest.ingestCopy(raw, CopyCorrections.none());
			return UploadResult.of(name, saved);
		}
		catch (InvalidArticleException ex) {
			return UploadResult.failed(name, ex.getMessage());
		}
		catch (IOException ex) {
			return UploadResult.failed(name, "The file could not be read: " + ex.getMessage());
		}
	}

	private static long count(List<UploadResult> results, String outcome) {
		return results.stream().filter(r -> r.outcome().equals(outcome)).count();
	}

	/** Shows the form again with the error, keeping what the editor typed. */
	private String refuse(Model model, HttpServletResponse response, ArticleForm form, InvalidArticleException ex) {
		if (form.wasChecked() && form.raw() != null && !form.raw().isBlank()) {
			model.addAttribute("parsed", ingest.parse(form.raw()));
		}
		response.setStatus((ex instanceof ArticleTooLargeException) ? HttpStatus.CONTENT_TOO_LARGE.value()
				: HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", ex.getMessage());
		model.addAttribute("errorField", ex.field());
		model.addAttribute("form", form);
		return "articles/new";
	}

	/** What became of one uploaded file. */
	record UploadResult(String filename, String outcome, Long articleId, String title, String message) {

		static final String CREATED = "created";

		static final String DUPLICATE = "duplicate";

		static final String FAILED = "failed";

		static UploadResult of(String filename, SavedArticle saved) {
			return new UploadResult(filename, saved.created() ? CREATED : DUPLICATE, saved.article().id(),
					saved.article().title(), null);
		}

		static UploadResult failed(String filename, String message) {
			return new UploadResult(filename, FAILED, null, null, message);
		}

	}

}
