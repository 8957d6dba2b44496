package org.morgue.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.morgue.story.StoryStatus;
import org.w3c.dom.Element;

import static org.morgue.intake.StoryDraft.first;
import static org.morgue.intake.WireXml.attribute;
import static org.morgue.intake.WireXml.child;
import static org.morgue.intake.WireXml.children;
import static org.morgue.intake.WireXml.text;

/**
 * Reads an NITF document ({@code application/nitf+xml}) into a story.
 *
 * <ul>
 * <li>the provider's id: {@code docdata/du-key@key}, else {@code doc-id@id-string}; the
 * version: {@code du-key@generation}, else {@code du-key@version};</li>
 * <li>the status: {@code docdata@management-status} ({@code usable}, {@code withheld},
 * {@code canceled}; {@code embargoed} is usable from {@code date.release}, withheld when
 * no release date is given); a {@code correction} gives the signal
 * {@code sig:correction};</li>
 * <li>{@code date.issue} is the publication date, else {@code date.release};
 * {@code date.release} is also the embargo;</li>
 * <li>{@code hedline/hl1} (else {@code head/title}), {@code byline}, {@code dateline}
 * ({@code location} when it has one), {@code distributor} (else {@code doc-id@regsrc}) as
 * the source;</li>
 * <li>{@code body.content}: {@code p} paragraphs and {@code hl2} subheads;</li>
 * <li>{@code tobject.subject} as subjects, {@code identified-content}'s {@code person},
 * {@code org} and {@code location}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class NitfParser {

	static final String FORMAT = "NITF";

	/**
	 * The story of an NITF document.
	 * @throws InvalidWireDocumentException when it is not well-formed, its root is not
	 * {@code nitf}, or it has no story text
	 */
	WireStory parse(String document) {
		Element root = WireXml.parse(document);
		if (!"nitf".equals(root.getLocalName())) {
			throw WireDocumentReader.notANewsItem(root, "nitf");
		}
		return read(root, document);
	}

	/** The story of a parsed {@code nitf} element. */
	WireStory read(Element nitf, String raw) {
		StoryDraft draft = new StoryDraft(FORMAT, raw);
		Element docdata = child(nitf, "head", "docdata");
		Element duKey = child(docdata, "du-key");
		Element docId = child(docdata, "doc-id");
		draft.guid = first(attribute(duKey, "key"), attribute(docId, "id-string"));
		draft.version = first(attribute(duKey, "generation"), attribute(duKey, "version"));
		String release = attribute(child(docdata, "date.release"), "norm");
		String management = attribute(docdata, "management-status");
		if (management != null && management.toLowerCase(Locale.ROOT).equals("embargoed")) {
			draft.status = (release != null) ? StoryStatus.USABLE : StoryStatus.WITHHELD;
		}
		else {
			draft.status = WireCodes.status(management);
		}
		draft.embargoedUntil = WireDates.embargo(release != null, release);
		if (!children(docdata, "correction").isEmpty()) {
			draft.signals.add("sig:correction");
		}
		draft.publishedAt = first(WireDates.publication(attribute(child(docdata, "date.issue"), "norm")),
				WireDates.publication(release));
		draft.title = first(headline(nitf), text(child(nitf, "head", "title")));
		draft.byline = byline(nitf);
		draft.dateline = dateline(nitf);
		draft.source = first(text(child(nitf, "body", "body.head", "distributor")), attribute(docId, "regsrc"));
		draft.paragraphs.addAll(paragraphs(nitf));
		draft.language = language(nitf);
		for (Element tobject : children(child(nitf, "head"), "tobject")) {
			for (Element subject : children(tobject, "tobject.subject")) {
				draft.subjects.add(first(attribute(subject, "tobject.subject.matter"),
						attribute(subject, "tobject.subject.type"), attribute(subject, "tobject.subject.refnum")));
			}
		}
		for (Element identified : children(docdata, "identified-content")) {
			children(identified, "person").forEach((person) -> draft.people.add(text(person)));
			children(identified, "org").forEach((org) -> draft.organisations.add(text(org)));
			children(identified, "location").forEach((location) -> draft.places.add(text(location)));
		}
		return draft.story("The NITF document");
	}

	/** The headline: {@code body.head/hedline/hl1}, or {@code null}. */
	static String headline(Element nitf) {
		return text(child(nitf, "body", "body.head", "hedline", "hl1"));
	}

	/** The bylines of {@code body.head}, as written, or {@code null}. */
	static String byline(Element nitf) {
		List<String> bylines = new ArrayList<>();
		for (Element byline : children(child(nitf, "body", "body.head"), "byline")) {
			String text = text(byline);
			if (text != null) {
				bylines.add(text);
			}
		}
		return bylines.isEmpty() ? null : String.join(" and ", bylines);
	}

	/** The paragraphs and subheads of every {@code body.content}. */
	static List<StoryParagraph> paragraphs(Element nitf) {
		List<StoryParagraph> paragraphs = new ArrayList<>();
		for (Element content : children(child(nitf, "body"), "body.content")) {
			paragraphs.addAll(StoryText.marked(content));
		}
		return paragraphs;
	}

	private static String dateline(Element nitf) {
		Element dateline = child(nitf, "body", "body.head", "dateline");
		return first(text(child(dateline, "location")), text(dateline));
	}

	private static String language(Element nitf) {
		Element content = child(nitf, "body", "body.content");
		return WireXml.language((content != null) ? content : nitf);
	}

}
