package org.morgue.alert;

import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.morgue.article.ArticleSummary;

/**
 * Writes a saved search as an Atom 1.0 feed (RFC 4287): its latest matches as entries,
 * each linking to the article's page. The XML writer escapes every text, so a title with
 * {@code <} or {@code &} stays text.
 */
final class AtomFeed {

	static final String NAMESPACE = "http://www.w3.org/2005/Atom";

	static final String MEDIA_TYPE = "application/atom+xml";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private AtomFeed() {
	}

	/**
	 * @param base the archive's address, without a trailing slash, for links to article
	 * pages
	 * @param self the feed's own address (without the token)
	 */
	static void write(Writer out, SavedSearch saved, List<ArticleSummary> articles, String base, String self)
			throws XMLStreamException {
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(NAMESPACE);
		text(xml, "id", "urn:morgue:saved-search:" + saved.id());
		text(xml, "title", "Morgue: " + saved.name());
		Instant updated = articles.stream()
			.map(ArticleSummary::ingestedAt)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(saved.createdAt());
		text(xml, "updated", updated.toString());
		link(xml, "self", self, MEDIA_TYPE);
		link(xml, "alternate", base + "/searches", "text/html");
		xml.writeStartElement("author");
		text(xml, "name", "Morgue");
		xml.writeEndElement();
		for (ArticleSummary article : articles) {
			String url = base + "/articles/" + article.id();
			xml.writeStartElement("entry");
			text(xml, "id", url);
			text(xml, "title", article.title());
			link(xml, "alternate", url, "text/html");
			text(xml, "updated", ((article.ingestedAt() != null) ? article.ingestedAt() : updated).toString());
			text(xml, "summary", summary(article));
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
	}

	/** "By Jane Smith · AFP · 3 August 2022", leaving out what is not known. */
	static String summary(ArticleSummary article) {
		List<String> parts = new ArrayList<>(3);
		if (article.byline() != null && !article.byline().isBlank()) {
			parts.add(
					article.byline().regionMatches(true, 0, "by ", 0, 3) ? article.byline() : "By " + article.byline());
		}
		if (article.source() != null) {
			parts.add(article.source());
		}
		parts.add((article.publishedDate() != null) ? DATE.format(article.publishedDate()) : "date unknown");
		return String.join(" · ", parts);
	}

	private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

}
