package org.morgue.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.morgue.article.ArticleDateline;
import org.morgue.article.ArticleMetadata;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleService;
import org.morgue.article.InvalidArticleException;
import org.morgue.article.NewArticle;
import org.morgue.article.SavedArticle;

import org.springframework.stereotype.Service;

/**
 * Turns copy and fields into stored articles. Everything is checked before anything is
 * stored, so bad input leaves no trace.
 */
@Service
public class IngestService {

	static final String DEFAULT_LANGUAGE = "en";

	private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");

	private static final Pattern LINE_BREAK = Pattern.compile("\\s*\n\\s*");

	private static final Pattern SPACES = Pattern.compile("[ \t]{2,}");

	private final WireCopyParser parser = new WireCopyParser();

	private final BylineParser bylines = new BylineParser();

	private final ArticleService articles;

	private final IngestProperties properties;

	IngestService(ArticleService articles, IngestProperties properties) {
		this.articles = articles;
		this.properties = properties;
	}

	/** What the parser makes of the copy, for an editor to check before saving. */
	public ParsedCopy parse(String raw) {
		return parser.parse(raw);
	}

	/**
	 * Parses raw wire copy and stores it, with the editor's or client's corrections
	 * applied.
	 * @throws InvalidArticleException when the copy is empty, too large or a correction
	 * is invalid
	 */
	public SavedArticle ingestCopy(String raw, CopyCorrections corrections) {
		return articles.create(prepareCopy(raw, corrections));
	}

	/**
	 * The article {@link #ingestCopy} would store, checked but not stored.
	 * @throws InvalidArticleException when the copy is empty, too large or a correction
	 * is invalid
	 */
	public NewArticle prepareCopy(String raw, CopyCorrections corrections) {
		checkSize("body", raw);
		if (raw == null || raw.isBlank()) {
			throw new InvalidArticleException("body", "The copy is empty: paste or send the story's text.");
		}
		ParsedCopy parsed = parser.parse(raw);
		if (parsed.paragraphs().isEmpty()) {
			throw new InvalidArticleException("body", "There is no story in the copy, only header lines.");
		}
		ArticleMetadata found = new ArticleMetadata(parsed.title(), parsed.byline(), parsed.source(),
				(parsed.dateline() != null) ? new ArticleDateline(parsed.dateline().text(), parsed.dateline().place(),
						parsed.dateline().placeDisplay()) : null,
				parsed.publishedDate(), null, null, DEFAULT_LANGUAGE);
		ArticleMetadata metadata = MetadataInput.apply(found, corrections);
		boolean titleDerived = parsed.titleDerived() && metadata.title().equals(parsed.title());
		List<ArticleParagraph> paragraphs = parsed.paragraphs()
			.stream()
			.map(p -> new ArticleParagraph(p.text(), p.subhead()))
			.toList();
		NewArticle article = new NewArticle(metadata, titleDerived, paragraphs, parsed.signOff(), raw);
		ArticleService.check(article);
		return article;
	}

	/**
	 * Stores an article given field by field; {@code rawText} is the request exactly as
	 * received.
	 * @throws InvalidArticleException when a field is missing, too large or invalid
	 */
	public SavedArticle ingestFields(ArticleInput fields, String rawText) {
		return articles.create(prepareFields(fields, rawText));
	}

	/**
	 * The article {@link #ingestFields} would store, checked but not stored.
	 * @throws InvalidArticleException when a field is missing, too large or invalid
	 */
	public NewArticle prepareFields(ArticleInput fields, String rawText) {
		if (fields.body() == null || fields.body().isBlank()) {
			throw new InvalidArticleException("body", "The body is missing or empty: send the story's text in 'body'.");
		}
		checkSize("body", fields.body());
		return prepare(fields, paragraphs(fields.body()), rawText);
	}

	/**
	 * The article a story read from a wire format, a feed or a web page makes, checked
	 * but not stored: its text as the format divides it, its fields taken as
	 * {@link #prepareFields} takes them ({@code fields.body()} is not read).
	 * @param paragraphs the story's paragraphs and subheads, in order
	 * @param rawText the document as received
	 * @throws InvalidArticleException when there is no text, it is too large or a field
	 * is invalid
	 */
	public NewArticle prepareStory(ArticleInput fields, List<ArticleParagraph> paragraphs, String rawText) {
		if (paragraphs.isEmpty()) {
			throw new InvalidArticleException("body", "The story has no text: there is nothing to archive.");
		}
		checkSize("body", paragraphs.stream().map(ArticleParagraph::text).collect(Collectors.joining("\n\n")));
		// a byline as copy writes it ("By Jane Roe"), as wire formats often carry it
		ArticleInput given = fields;
		Optional<Byline> byline = bylines.parse(fields.byline());
		if (byline.isPresent()) {
			given = new ArticleInput(fields.title(), fields.body(), byline.get().byline(),
					(fields.source() != null) ? fields.source() : byline.get().source(), fields.dateline(),
					fields.publishedAt(), fields.url(), fields.language());
		}
		return prepare(given, paragraphs, rawText);
	}

	private NewArticle prepare(ArticleInput fields, List<ArticleParagraph> paragraphs, String rawText) {
		String given = MetadataInput.text(fields.title());
		boolean titleDerived = given == null;
		String title = titleDerived ? WireCopyParser.deriveTitle(paragraphs.get(0).text()) : given;
		ArticleMetadata metadata = MetadataInput.apply(
				new ArticleMetadata(title, null, null, null, null, null, null, DEFAULT_LANGUAGE),
				new CopyCorrections(null, fields.byline(), fields.source(), fields.dateline(), fields.publishedAt(),
						fields.url(), fields.language()));
		NewArticle article = new NewArticle(metadata, titleDerived, paragraphs, null, rawText);
		ArticleService.check(article);
		return article;
	}

	/** The configured limit on a body, in UTF-8 bytes. */
	public long maxBodyBytes() {
		return properties.maxBodyBytes().toBytes();
	}

	private void checkSize(String field, String text) {
		if (text != null && text.length() > maxBodyBytes() / 4
				&& text.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes()) {
			throw new ArticleTooLargeException(field, maxBodyBytes());
		}
	}

	/**
	 * A body given as text: paragraphs separated by blank lines (lines within one are
	 * joined), or, when there are no blank lines, one paragraph a line.
	 */
	static List<ArticleParagraph> paragraphs(String body) {
		String text = body.replace("\r\n", "\n").replace('\r', '\n').strip();
		boolean blankLines = BLANK_LINE.matcher(text).find();
		List<ArticleParagraph> paragraphs = new ArrayList<>();
		if (!blankLines) {
			// hard-wrapped copy (Reuters marks paragraphs by indentation) is unwrapped
			// as pasted copy is; a line a paragraph stays so
			WireCopyParser.unwrap(body.replace("\r\n", "\n").replace('\r', '\n'))
				.forEach(paragraph -> paragraphs.add(ArticleParagraph.paragraph(paragraph)));
			return paragraphs;
		}
		for (String block : BLANK_LINE.split(text)) {
			String paragraph = SPACES.matcher(LINE_BREAK.matcher(block.strip()).replaceAll(" ")).replaceAll(" ");
			if (!paragraph.isEmpty()) {
				paragraphs.add(ArticleParagraph.paragraph(paragraph));
			}
		}
		return paragraphs;
	}

}
