package org.morgue.intake;

import java.util.List;
import java.util.Locale;

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

	private final IngestService ingest;

	private final StoryService stories;

	private final ArticleService articles;

	IntakeService(IngestService ingest, StoryService stories, ArticleService articles) {
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
			case FEED, PAGE, ADDRESSES -> throw new InvalidWireDocumentException(
					"The archive does not read " + kind.name().toLowerCase(Locale.ROOT) + " documents yet.");
		};
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
