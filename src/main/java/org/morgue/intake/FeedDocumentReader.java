package org.morgue.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.morgue.story.StoryStatus;

/**
 * Reads RSS (0.9x to 2.0, and 1.0) and Atom feeds with ROME, DOCTYPEs refused so that no
 * entity is declared or fetched, into their entries, in the feed's order. Stateless and
 * thread-safe.
 */
final class FeedDocumentReader {

	/**
	 * The entries of a feed.
	 * @param feed the feed as received, in the encoding its declaration names
	 * @param feedUrl where it came from, to resolve relative links, or {@code null}
	 * @throws InvalidWireDocumentException when it is not a feed or not well-formed
	 */
	List<FeedEntry> read(byte[] feed, String feedUrl) {
		SyndFeed parsed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setAllowDoctypes(false);
			parsed = input.build(new XmlReader(new ByteArrayInputStream(feed)));
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new InvalidWireDocumentException("The document is not an RSS or Atom feed the archive can read: "
					+ ex.getMessage().replaceAll("\\s+", " ").strip());
		}
		String format = parsed.getFeedType() != null && parsed.getFeedType().startsWith("atom") ? "Atom" : "RSS";
		String feedTitle = StoryText.collapse((parsed.getTitle() != null) ? parsed.getTitle() : "");
		String base = (feedUrl != null) ? feedUrl : parsed.getLink();
		List<FeedEntry> entries = new ArrayList<>();
		for (SyndEntry entry : parsed.getEntries()) {
			String link = resolve(base, entry.getLink());
			String guid = StoryDraft.first(entry.getUri(), link);
			String content = null;
			for (SyndContent one : entry.getContents()) {
				if (one.getValue() != null && !one.getValue().isBlank()) {
					content = one.getValue();
					break;
				}
			}
			List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).toList();
			Date published = entry.getPublishedDate();
			// Only a date the feed gives as the entry's update tells its versions apart;
			// an
			// RSS item that keeps its pubDate and changes its text is a new version by
			// its
			// text.
			Date updated = entry.getUpdatedDate();
			entries.add(new FeedEntry(format, guid, link, StoryText.collapse(nonNull(entry.getTitle())),
					StoryText.collapse(nonNull(entry.getAuthor())),
					(published != null) ? published.toInstant().toString() : null,
					(updated != null) ? updated.toInstant() : null, content,
					(entry.getDescription() != null) ? entry.getDescription().getValue() : null,
					(feedTitle == null || feedTitle.isEmpty()) ? null : feedTitle, categories));
		}
		return entries;
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	private static String resolve(String base, String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			return (base != null) ? URI.create(base.strip()).resolve(link.strip()).toString() : link.strip();
		}
		catch (IllegalArgumentException ex) {
			return link.strip();
		}
	}

	/**
	 * One entry of a feed.
	 *
	 * @param guid the RSS guid or Atom id, else the link
	 * @param contentHtml the full content ({@code content:encoded}, Atom
	 * {@code content}), or {@code null}
	 */
	record FeedEntry(String format, String guid, String link, String title, String author, String publishedAt,
			Instant updated, String contentHtml, String summaryHtml, String feedTitle, List<String> categories) {

		boolean hasContent() {
			return contentHtml != null && !HtmlPageReader.paragraphsOf(contentHtml).isEmpty();
		}

		/** The entry's story, from its full content. */
		WireStory story() {
			return new WireStory(format, guid, null, StoryStatus.USABLE, null, List.of(), emptyToNull(title),
					emptyToNull(author), feedTitle, null, publishedAt, updated, null, link,
					HtmlPageReader.paragraphsOf(contentHtml), categories, List.of(), List.of(), List.of(), contentHtml);
		}

		private static String emptyToNull(String value) {
			return (value == null || value.isEmpty()) ? null : value;
		}

	}

}
