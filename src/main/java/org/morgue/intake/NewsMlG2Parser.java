package org.morgue.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Element;

import static org.morgue.intake.StoryDraft.first;
import static org.morgue.intake.WireXml.attribute;
import static org.morgue.intake.WireXml.child;
import static org.morgue.intake.WireXml.children;
import static org.morgue.intake.WireXml.text;

/**
 * Reads NewsML-G2 ({@code application/vnd.iptc.g2.newsitem+xml}): a {@code newsItem}, or
 * a {@code newsMessage} whose {@code itemSet} holds several, one story each.
 *
 * <ul>
 * <li>{@code guid}, {@code version}; {@code itemMeta}'s {@code pubStatus},
 * {@code embargoed}, {@code signal}s, {@code versionCreated}, {@code firstCreated} and
 * {@code provider};</li>
 * <li>{@code contentMeta}'s {@code headline}, {@code by} or {@code creator/name},
 * {@code dateline} or {@code located/name}, {@code language@tag} (else the item's
 * {@code xml:lang}), {@code contentCreated} (the publication, else {@code firstCreated}),
 * {@code infoSource} (the source when there is no provider), and its {@code subject}s:
 * those of type person, organisation, geoArea or poi are the story's people,
 * organisations and places, the others its subjects;</li>
 * <li>the text: the first of {@code contentSet}'s {@code inlineXML} (NITF, whose
 * {@code hl1} and {@code byline} stand in for a missing headline and byline, or XHTML)
 * and {@code inlineData} (plain text, paragraphs between blank lines; or HTML) that has
 * any.</li>
 * </ul>
 * A name is the one in the item's language, else one without a language, else the first;
 * a party or concept without a name is shown by its QCode's code ({@code REUTERS} of
 * {@code nprov:REUTERS}).
 *
 * <p>
 * In a message, package items, concept and planning items and news items without text are
 * passed over; a message with no news item with text is refused. Each story's raw copy is
 * then its item alone, written out as XML with the namespaces it uses; a single item's
 * raw copy is the document as received. Stateless and thread-safe.
 */
final class NewsMlG2Parser {

	static final String FORMAT = "NewsML-G2";

	/**
	 * The stories of a NewsML-G2 document.
	 * @throws InvalidWireDocumentException when it is not well-formed, not a news item or
	 * message, or has no news item with story text
	 */
	List<WireStory> parse(String document) {
		return read(WireXml.parse(document), document);
	}

	/** The stories of a parsed {@code newsItem} or {@code newsMessage}. */
	List<WireStory> read(Element root, String raw) {
		return switch (root.getLocalName()) {
			case "newsItem" -> List.of(item(root, raw).story("The news item"));
			case "newsMessage" -> message(root);
			default -> throw WireDocumentReader.notANewsItem(root, "newsItem or newsMessage");
		};
	}

	private List<WireStory> message(Element message) {
		List<WireStory> stories = new ArrayList<>();
		int passedOver = 0;
		for (Element itemSet : children(message, "itemSet")) {
			for (Element item : children(itemSet)) {
				if ("newsItem".equals(item.getLocalName())) {
					StoryDraft draft = item(item, WireXml.serialise(item));
					if (draft.isStory()) {
						stories.add(draft.story("The news item"));
						continue;
					}
				}
				passedOver++;
			}
		}
		if (stories.isEmpty()) {
			throw new InvalidWireDocumentException("The news message has nothing to archive, not a news item with "
					+ "text: none of its " + passedOver + " items is a news item with story text or a kill "
					+ "(packages and items without text are passed over).");
		}
		return stories;
	}

	private StoryDraft item(Element item, String raw) {
		StoryDraft draft = new StoryDraft(FORMAT, raw);
		Element itemMeta = child(item, "itemMeta");
		Element contentMeta = child(item, "contentMeta");
		draft.guid = attribute(item, "guid");
		draft.version = attribute(item, "version");
		draft.language = first(attribute(child(contentMeta, "language"), "tag"), WireXml.language(item));
		draft.status = WireCodes.status(qcode(child(itemMeta, "pubStatus")));
		Element embargoed = child(itemMeta, "embargoed");
		draft.embargoedUntil = WireDates.embargo(embargoed != null, text(embargoed));
		for (Element signal : children(itemMeta, "signal")) {
			draft.signals.add(qcode(signal));
		}
		draft.versionCreated = WireDates.instant(text(child(itemMeta, "versionCreated")));
		draft.publishedAt = first(WireDates.publication(text(child(contentMeta, "contentCreated"))),
				WireDates.publication(text(child(itemMeta, "firstCreated"))));
		draft.source = party(child(itemMeta, "provider"), draft.language);
		for (Element infoSource : children(contentMeta, "infoSource")) {
			draft.source = first(draft.source, party(infoSource, draft.language));
		}
		draft.title = headline(contentMeta);
		draft.byline = byline(contentMeta, draft.language);
		draft.dateline = first(text(child(contentMeta, "dateline")),
				name(child(contentMeta, "located"), draft.language));
		subjects(contentMeta, draft);
		body(child(item, "contentSet"), draft);
		return draft;
	}

	/** The headline without a role, else the first. */
	private static String headline(Element contentMeta) {
		List<Element> headlines = children(contentMeta, "headline");
		for (Element headline : headlines) {
			if (attribute(headline, "role") == null) {
				return text(headline);
			}
		}
		return headlines.isEmpty() ? null : text(headlines.get(0));
	}

	private static String byline(Element contentMeta, String language) {
		String by = text(child(contentMeta, "by"));
		if (by != null) {
			return by;
		}
		List<String> creators = new ArrayList<>();
		for (Element creator : children(contentMeta, "creator")) {
			// a staff code is no byline: only a creator's name or literal is
			String name = first(name(creator, language), attribute(creator, "literal"));
			if (name != null) {
				creators.add(name);
			}
		}
		return creators.isEmpty() ? null : String.join(" and ", creators);
	}

	private static void subjects(Element contentMeta, StoryDraft draft) {
		for (Element subject : children(contentMeta, "subject")) {
			String name = first(name(subject, draft.language), attribute(subject, "qcode"), attribute(subject, "uri"));
			String type = WireCodes.code(attribute(subject, "type"));
			switch ((type != null) ? type.toLowerCase(Locale.ROOT) : "") {
				case "person" -> draft.people.add(name);
				case "organisation", "organization" -> draft.organisations.add(name);
				case "geoarea", "poi" -> draft.places.add(name);
				default -> draft.subjects.add(name);
			}
		}
	}

	private void body(Element contentSet, StoryDraft draft) {
		for (Element content : children(contentSet)) {
			if ("inlineXML".equals(content.getLocalName())) {
				List<Element> roots = children(content);
				Element root = roots.isEmpty() ? null : roots.get(0);
				if (root == null) {
					continue;
				}
				if ("nitf".equals(root.getLocalName())) {
					draft.paragraphs.addAll(NitfParser.paragraphs(root));
					draft.title = first(draft.title, NitfParser.headline(root));
					draft.byline = first(draft.byline, NitfParser.byline(root));
				}
				else {
					Element body = WireXml.descendant(root, "body");
					draft.paragraphs.addAll(StoryText
						.marked("body".equals(root.getLocalName()) ? root : (body != null) ? body : content));
				}
			}
			else if ("inlineData".equals(content.getLocalName())) {
				String type = attribute(content, "contenttype");
				boolean html = type != null && type.toLowerCase(Locale.ROOT).contains("html");
				String data = content.getTextContent();
				draft.paragraphs.addAll(html ? StoryText.html(data) : StoryText.plain(data));
			}
			if (!draft.paragraphs.isEmpty()) {
				return;
			}
		}
	}

	/** A party (provider, creator, info source): its name, literal or QCode's code. */
	private static String party(Element party, String language) {
		if (party == null) {
			return null;
		}
		return first(name(party, language), attribute(party, "literal"), WireCodes.code(attribute(party, "qcode")));
	}

	/**
	 * The {@code name} child in the language, else one without a language, else the
	 * first.
	 */
	private static String name(Element concept, String language) {
		List<Element> names = children(concept, "name");
		if (names.isEmpty()) {
			return null;
		}
		Element unmarked = null;
		for (Element name : names) {
			String lang = WireXml.ownLanguage(name);
			if (lang != null && language != null && lang.equalsIgnoreCase(language)) {
				return text(name);
			}
			if (lang == null && unmarked == null) {
				unmarked = name;
			}
		}
		return text((unmarked != null) ? unmarked : names.get(0));
	}

	private static String qcode(Element element) {
		return first(attribute(element, "qcode"), attribute(element, "uri"), attribute(element, "literal"));
	}

}
