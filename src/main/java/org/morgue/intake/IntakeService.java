package org.morgue.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.morgue.article.ArticleMetadata;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleService;
import org.morgue.article.NewArticle;
import org.morgue.article.SavedArticle;
import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.IngestService;
import org.morgue.story.IncomingVersion;
import org.morgue.story.StoryReceipt;
import org.morgue.story.StoryService;
import org.morgue.story.StoryStatus;
import org.morgue.system.InvalidInputException;
import org.jsoup.Jsoup;
import org.morgue.intake.FeedDocumentReader.FeedEntry;
import org.morgue.intake.WebFetcher.FetchConditions;
import org.morgue.intake.WebFetcher.FetchedDocument;

import org.springframework.stereotype.Service;

/**
 * The one way in for copy that arrives as documents rather than as pasted text: NewsML-G2
 * items and messages, NITF, ninjs, RSS and Atom feeds, web pages and lists of addresses,
 * from the API, an import, a feed or a drop folder alike.
 *
 * <p>
 * A story with its provider's id is taken as a version of that story
 * ({@link StoryService}): the first version makes the article, a newer one replaces its
 * text, an older one is listed, the same one again is a duplicate. A story without one (a
 * page saved without its address, a ninjs document without {@code uri}) is an article
 * like pasted copy, kept once by its text.
 *
 * <p>
 * Every story of a document is read and checked before any is stored, so a document with
 * one bad item in it is refused whole and nothing of it is half-stored. Thread-safe.
 */
@Service
public class IntakeService {

	private final WireDocumentReader wire = new WireDocumentReader();

	private final HtmlPageReader pages = new HtmlPageReader();

	private final FeedDocumentReader feeds = new FeedDocumentReader();

	private final WebFetcher fetcher;

	private final IngestService ingest;

	private final StoryService stories;

	private final ArticleService articles;

	IntakeService(IngestService ingest, StoryService stories, ArticleService articles, WebFetcher fetcher) {
		this.fetcher = fetcher;
		this.ingest = ingest;
		this.stories = stories;
		this.articles = articles;
	}

	/**
	 * Takes a document in: reads it, then stores each of its stories.
	 * @throws org.morgue.system.InvalidInputException when the document cannot be taken
	 * (not well-formed, not a news item, no story text, a version of its format the
	 * archive does not read, a field that is not valid), saying why; nothing of it is
	 * stored then
	 */
	public IntakeReport take(IntakeDocument document) {
		DocumentKind kind = DocumentKind.of(document.mediaType(), document.fileName(), document.content());
		return switch (kind) {
			case WIRE -> wireDocument(document);
			case PAGE -> store(false,
					List.of(prepare(page(document.content(), document.mediaType(), document.url()), document)));
			case FEED -> feed(document);
			case ADDRESSES -> addresses(document);
		};
	}

	/**
	 * A page's story: its text as a reader mode finds it, in the encoding it declares.
	 */
	private WireStory page(byte[] content, String mediaType, String url) {
		String charset = charset(mediaType);
		org.jsoup.nodes.Document parsed;
		try {
			parsed = Jsoup.parse(new ByteArrayInputStream(content), charset, (url != null) ? url : "");
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new InvalidWireDocumentException("The page cannot be read: " + ex.getMessage());
		}
		Charset encoding = parsed.charset();
		try {
			encoding.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
		}
		catch (CharacterCodingException ex) {
			throw new InvalidWireDocumentException(
					"The page is not well-formed: its bytes are not " + encoding.name() + " text, the encoding it "
							+ ((charset != null) ? "was sent in" : "declares (or UTF-8 when it declares none)") + ".");
		}
		return pages.read(parsed.outerHtml(), url);
	}

	/**
	 * A feed's entries: each with its full content taken as it is, each without it by
	 * fetching its page. An entry whose page cannot be fetched fails alone.
	 */
	private IntakeReport feed(IntakeDocument document) {
		List<FeedEntry> entries = feeds.read(document.content(), document.url());
		List<Object> prepared = new ArrayList<>();
		for (FeedEntry entry : entries) {
			try {
				WireStory story = entry.hasContent() ? entry.story() : entryPage(entry);
				prepared.add(prepare(story, document));
			}
			catch (InvalidInputException | FetchFailedException ex) {
				prepared.add(IntakeItem.failed(entry.guid(), ex.getMessage()));
			}
		}
		return store(true, prepared);
	}

	/** The page of a feed's entry, as the entry's story: its id, and its title first. */
	private WireStory entryPage(FeedEntry entry) {
		if (entry.link() == null) {
			throw new InvalidWireDocumentException("The entry has neither content nor a link to its page.");
		}
		FetchedDocument fetched = fetcher.fetch(URI.create(entry.link()), FetchConditions.none());
		WireStory page = page(fetched.content(), fetched.contentType(), fetched.url().toString());
		return new WireStory(page.format(), entry.guid(), null, page.status(), null, List.of(),
				StoryDraft.first(entry.title(), page.title()), StoryDraft.first(entry.author(), page.byline()),
				StoryDraft.first(page.source(), entry.feedTitle()), page.dateline(),
				StoryDraft.first(entry.publishedAt(), page.publishedAt()), entry.updated(), page.language(),
				entry.link(), page.paragraphs(), entry.categories(), page.people(), page.organisations(), page.places(),
				page.raw());
	}

	/**
	 * The pages at the addresses of a {@code text/uri-list}, each fetched by the server
	 * through the guard on addresses. One address answers as its page does; of several,
	 * one that cannot be fetched fails alone.
	 */
	private IntakeReport addresses(IntakeDocument document) {
		List<String> addresses = new String(document.content(), StandardCharsets.UTF_8).lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		if (addresses.isEmpty()) {
			throw new InvalidInputException("body", "The list holds no address: send one URL a line.");
		}
		boolean several = addresses.size() > 1;
		List<Object> prepared = new ArrayList<>();
		for (String address : addresses) {
			try {
				URI uri = address(address);
				FetchedDocument fetched = fetcher.fetch(uri, FetchConditions.none());
				IntakeDocument page = new IntakeDocument(fetched.content(), fetched.contentType(), null,
						fetched.url().toString(), document.source());
				if (DocumentKind.of(page.mediaType(), uri.getPath(), page.content()) == DocumentKind.PAGE) {
					prepared.add(prepare(page(page.content(), page.mediaType(), page.url()), page));
				}
				else {
					wire.read(page.content(), page.mediaType(), uri.getPath())
						.forEach((story) -> prepared.add(prepare(story, page)));
				}
			}
			catch (InvalidInputException | FetchFailedException ex) {
				if (!several) {
					throw (ex instanceof InvalidInputException invalid) ? invalid
							: new InvalidInputException("url", ex.getMessage());
				}
				prepared.add(IntakeItem.failed(address, address + ": " + ex.getMessage()));
			}
		}
		return store(several, prepared);
	}

	private static URI address(String address) {
		try {
			URI uri = new URI(address);
			if (!uri.isAbsolute()) {
				throw new InvalidInputException("url", "'" + address + "' is not an absolute http or https address.");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("url", "'" + address + "' is not an address: " + ex.getReason() + ".");
		}
	}

	/** Stores what was prepared, in order; items that already failed stay failed. */
	private IntakeReport store(boolean several, List<?> prepared) {
		List<IntakeItem> items = new ArrayList<>();
		for (Object one : prepared) {
			items.add((one instanceof Prepared ready) ? store(ready) : (IntakeItem) one);
		}
		return new IntakeReport(several, items);
	}

	private static String charset(String mediaType) {
		if (mediaType == null) {
			return null;
		}
		for (String parameter : mediaType.split(";")) {
			String[] pair = parameter.split("=", 2);
			if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
				String name = pair[1].strip().replace("\"", "");
				return java.nio.charset.Charset.isSupported(name) ? name : null;
			}
		}
		return null;
	}

	private IntakeReport wireDocument(IntakeDocument document) {
		List<WireStory> read = wire.read(document.content(), document.mediaType(), document.fileName());
		boolean several = read.size() > 1 || "newsMessage".equals(DocumentKind.rootElement(document.content()));
		List<Prepared> prepared = read.stream().map((story) -> prepare(story, document)).toList();
		return new IntakeReport(several, prepared.stream().map(this::store).toList());
	}

	/**
	 * The article a story makes, checked.
	 * @throws org.morgue.system.InvalidInputException when it cannot be stored
	 */
	private Prepared prepare(WireStory story, IntakeDocument document) {
		ArticleInput fields = new ArticleInput(story.title(), null, story.byline(),
				StoryDraft.first(story.source(), document.source()), story.dateline(), story.publishedAt(), story.url(),
				story.language());
		List<ArticleParagraph> paragraphs = story.paragraphs()
			.stream()
			.map((paragraph) -> paragraph.subhead() ? ArticleParagraph.subhead(paragraph.text())
					: ArticleParagraph.paragraph(paragraph.text()))
			.toList();
		if (story.status() != StoryStatus.USABLE && paragraphs.isEmpty()) {
			// A kill or a hold without text says what becomes of the versions before it.
			if (!stories.holds(story.guid())) {
				throw new InvalidWireDocumentException(
						"The item " + ((story.status() == StoryStatus.CANCELED) ? "cancels" : "withholds")
								+ " the story " + ((story.guid() != null) ? "'" + story.guid() + "'" : "it names")
								+ ", which the archive does not hold: there is nothing to "
								+ ((story.status() == StoryStatus.CANCELED) ? "withdraw." : "hold back."));
			}
			String title = (story.title() != null) ? story.title() : story.status().name();
			ArticleMetadata metadata = new ArticleMetadata(title, null, null, null, null, null, null, "en");
			return new Prepared(story, new NewArticle(metadata, false, List.of(), null, story.raw()));
		}
		return new Prepared(story, ingest.prepareStory(fields, paragraphs, story.raw()));
	}

	private IntakeItem store(Prepared prepared) {
		WireStory story = prepared.story();
		if (story.guid() == null) {
			SavedArticle saved = articles.create(prepared.article());
			return new IntakeItem(saved.created() ? IntakeItem.Outcome.CREATED : IntakeItem.Outcome.DUPLICATE,
					saved.article(), null, story.version(), null);
		}
		StoryReceipt receipt = stories
			.receive(new IncomingVersion(story.guid(), story.version(), story.versionCreated(), story.status(),
					story.embargoedUntil(), story.format(), story.signals(), prepared.article()));
		return new IntakeItem(outcome(receipt.outcome()), receipt.article(), story.guid(), story.version(), null);
	}

	private static IntakeItem.Outcome outcome(StoryReceipt.Outcome outcome) {
		return switch (outcome) {
			case CREATED -> IntakeItem.Outcome.CREATED;
			case UPDATED -> IntakeItem.Outcome.UPDATED;
			case OLDER -> IntakeItem.Outcome.OLDER;
			case DUPLICATE -> IntakeItem.Outcome.DUPLICATE;
		};
	}

	private record Prepared(WireStory story, NewArticle article) {
	}

}
