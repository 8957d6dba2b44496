package org.morgue.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A story's text as the wire formats give it, made into paragraphs: plain text with
 * paragraphs between blank lines, and marked-up text (NITF, XHTML, HTML) whose {@code p}
 * are paragraphs and whose {@code hl2} and {@code h1}-{@code h6} are subheads. Stateless
 * and thread-safe.
 */
final class StoryText {

	/** Elements each of which is one paragraph. */
	private static final Set<String> PARAGRAPHS = Set.of("p", "li", "pre", "dd", "dt");

	/** Elements each of which is one subhead. */
	private static final Set<String> SUBHEADS = Set.of("hl2", "h1", "h2", "h3", "h4", "h5", "h6");

	/**
	 * Elements whose text is not the story's: pictures and their captions, tables, notes,
	 * a page's head and scripts.
	 */
	private static final Set<String> LEFT_OUT = Set.of("media", "table", "nitf-table", "head", "body.head", "body.end",
			"script", "style", "template", "noscript", "figure", "figcaption", "img", "iframe", "object", "video",
			"audio", "fn", "note", "ed-msg");

	private StoryText() {
	}

	/**
	 * The text with each run of whitespace (no-break spaces included) made one space, and
	 * none at either end.
	 * @return the text, or {@code null} when it is {@code null} or blank
	 */
	static String collapse(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = !out.isEmpty();
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.isEmpty() ? null : out.toString();
	}

	/**
	 * The paragraphs of plain text: separated by blank lines, the lines of each joined.
	 */
	static List<StoryParagraph> plain(String text) {
		List<StoryParagraph> paragraphs = new ArrayList<>();
		if (text == null) {
			return paragraphs;
		}
		StringBuilder paragraph = new StringBuilder();
		for (String line : text.split("\r\n|\r|\n", -1)) {
			if (line.isBlank()) {
				add(paragraphs, paragraph.toString(), false);
				paragraph.setLength(0);
			}
			else {
				paragraph.append(line).append('\n');
			}
		}
		add(paragraphs, paragraph.toString(), false);
		return paragraphs;
	}

	/**
	 * The paragraphs and subheads of an HTML fragment, read by jsoup as a browser would
	 * (nothing is fetched).
	 */
	static List<StoryParagraph> html(String html) {
		if (html == null || html.isBlank()) {
			return new ArrayList<>();
		}
		org.w3c.dom.Document document = W3CDom.convert(Jsoup.parseBodyFragment(html));
		Element body = WireXml.descendant(document.getDocumentElement(), "body");
		return marked((body != null) ? body : document.getDocumentElement());
	}

	/**
	 * The paragraphs and subheads of marked-up text: NITF's {@code body.content}, an
	 * XHTML or HTML {@code body}. An element holding paragraphs (a {@code block}, a
	 * {@code div}, a list) is looked into; text outside any paragraph makes paragraphs of
	 * its own, between the blocks around it.
	 */
	static List<StoryParagraph> marked(Element container) {
		List<StoryParagraph> paragraphs = new ArrayList<>();
		if (container != null) {
			walk(container, paragraphs);
		}
		return paragraphs;
	}

	private static void walk(Element parent, List<StoryParagraph> paragraphs) {
		StringBuilder loose = new StringBuilder();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				String name = name(element);
				if (LEFT_OUT.contains(name)) {
					continue;
				}
				if (PARAGRAPHS.contains(name) || SUBHEADS.contains(name)) {
					add(paragraphs, loose.toString(), false);
					loose.setLength(0);
					add(paragraphs, inlineText(element), SUBHEADS.contains(name));
				}
				else if (holdsBlocks(element)) {
					add(paragraphs, loose.toString(), false);
					loose.setLength(0);
					walk(element, paragraphs);
				}
				else {
					// an inline element: a link, emphasis, NITF's person or money
					loose.append(inlineText(element));
				}
			}
			else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				loose.append(node.getNodeValue());
			}
		}
		add(paragraphs, loose.toString(), false);
	}

	/** The text of an element, a line break read as a space, pictures left out. */
	private static String inlineText(Element element) {
		if ("br".equals(name(element))) {
			return " ";
		}
		StringBuilder text = new StringBuilder();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child) {
				if (!LEFT_OUT.contains(name(child))) {
					text.append(inlineText(child));
				}
			}
			else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(node.getNodeValue());
			}
		}
		return text.toString();
	}

	private static boolean holdsBlocks(Element element) {
		for (Element child : WireXml.children(element)) {
			String name = name(child);
			if (PARAGRAPHS.contains(name) || SUBHEADS.contains(name) || holdsBlocks(child)) {
				return true;
			}
		}
		return false;
	}

	private static String name(Element element) {
		String name = (element.getLocalName() != null) ? element.getLocalName() : element.getNodeName();
		return name.toLowerCase(Locale.ROOT);
	}

	private static void add(List<StoryParagraph> paragraphs, String text, boolean subhead) {
		String collapsed = collapse(text);
		if (collapsed != null) {
			paragraphs.add(new StoryParagraph(collapsed, subhead));
		}
	}

}
