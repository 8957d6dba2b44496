package org.morgue.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.morgue.story.StoryStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a web page as saved into its story, the way browsers' reader modes do: the main
 * text as Mozilla's Readability finds it (Readability4J, on jsoup), and the title,
 * byline, site name, publication date and language from what the page says of itself, in
 * this order: JSON-LD ({@code NewsArticle}, {@code Article} and their kin, also inside
 * {@code @graph}), OpenGraph and {@code article:} properties, {@code meta} names
 * ({@code author}, {@code date}, {@code citation_*}, {@code dc.*}), then Readability's
 * own findings. The page's canonical address ({@code link rel=canonical}, else
 * {@code og:url}, else the address it came from) is its story's id and URL.
 *
 * <p>
 * The article's HTML becomes paragraphs: {@code p}, {@code li}, {@code blockquote},
 * {@code pre} and text-only blocks, {@code h2} to {@code h6} as subheads. Stateless and
 * thread-safe.
 */
final class HtmlPageReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> ARTICLE_TYPES = List.of("NewsArticle", "Article", "ReportageNewsArticle",
			"AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "WebPage");

	/**
	 * The page's story.
	 * @param html the page as saved
	 * @param url where it was published, or {@code null}
	 * @throws InvalidWireDocumentException when the page has no story text
	 */
	WireStory read(String html, String url) {
		Document document = Jsoup.parse(html, (url != null) ? url : "");
		Map<String, String> meta = meta(document);
		JsonNode linked = linkedData(document);
		String canonical = first(absolute(document.selectFirst("link[rel=canonical]"), "href"), meta.get("og:url"),
				url);
		String language = first(text(linked, "inLanguage"),
				document.selectFirst("html[lang]") != null ? document.selectFirst("html[lang]").attr("lang") : null,
				meta.get("og:locale"));
		Article article = new Readability4J((canonical != null) ? canonical : "", document.clone()).parse();
		String title = first(text(linked, "headline"), meta.get("og:title"), meta.get("twitter:title"),
				meta.get("citation_title"), meta.get("dc.title"), article.getTitle(), document.title());
		String byline = first(author(linked), meta.get("author"), meta.get("article:author"),
				meta.get("citation_author"), meta.get("dc.creator"), article.getByline());
		String site = first(publisher(linked), meta.get("og:site_name"), meta.get("application-name"));
		String published = date(first(text(linked, "datePublished"), meta.get("article:published_time"),
				meta.get("date"), meta.get("citation_publication_date"), meta.get("dc.date"), meta.get("pubdate")));
		List<StoryParagraph> paragraphs = (article.getArticleContent() != null)
				? paragraphsOf(article.getArticleContent()) : List.of();
		if (!paragraphs.isEmpty() && title != null && paragraphs.get(0).text().equals(StoryText.collapse(title))) {
			paragraphs = paragraphs.subList(1, paragraphs.size());
		}
		if (paragraphs.isEmpty()) {
			throw new InvalidWireDocumentException(
					"The page has no story text: a reader mode finds no article in it to archive.");
		}
		Instant modified = instant(first(text(linked, "dateModified"), meta.get("article:modified_time")));
		return new WireStory("HTML", canonical, null, StoryStatus.USABLE, null, List.of(), clean(title), byline(byline),
				clean(site), null, published, modified, clean(language), canonical, paragraphs, List.of(), List.of(),
				List.of(), List.of(), html);
	}

	/**
	 * The paragraphs of an HTML fragment that is itself the article, such as a feed
	 * entry's content.
	 */
	static List<StoryParagraph> paragraphsOf(String fragment) {
		return paragraphsOf(Jsoup.parseBodyFragment((fragment != null) ? fragment : "").body());
	}

	private static List<StoryParagraph> paragraphsOf(Element root) {
		List<StoryParagraph> paragraphs = new ArrayList<>();
		StringBuilder loose = new StringBuilder();
		collect(root, paragraphs, loose);
		flush(loose, paragraphs);
		return paragraphs;
	}

	private static void collect(Element element, List<StoryParagraph> paragraphs, StringBuilder loose) {
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text) {
				loose.append(text.getWholeText());
			}
			else if (child instanceof Element block) {
				String tag = block.normalName();
				switch (tag) {
					case "script", "style", "noscript", "template", "figure", "figcaption", "nav", "aside", "form",
							"button", "svg", "iframe", "img", "video", "audio", "h1" -> {
						// not the story's text
					}
					case "h2", "h3", "h4", "h5", "h6" -> {
						flush(loose, paragraphs);
						add(paragraphs, block.text(), true);
					}
					case "p", "li", "blockquote", "pre", "dd", "dt" -> {
						if (block.selectFirst("p, li, blockquote, pre, h2, h3, h4, h5, h6") != null) {
							flush(loose, paragraphs);
							collect(block, paragraphs, loose);
							flush(loose, paragraphs);
						}
						else {
							flush(loose, paragraphs);
							add(paragraphs, block.wholeText(), false);
						}
					}
					case "br" -> flush(loose, paragraphs);
					case "div", "section", "article", "main", "header", "footer", "ul", "ol", "dl", "table", "tbody",
							"thead", "tr", "td", "th", "body", "center" -> {
						flush(loose, paragraphs);
						collect(block, paragraphs, loose);
						flush(loose, paragraphs);
					}
					default -> loose.append(block.wholeText());
				}
			}
		}
	}

	private static void flush(StringBuilder loose, List<StoryParagraph> paragraphs) {
		add(paragraphs, loose.toString(), false);
		loose.setLength(0);
	}

	private static void add(List<StoryParagraph> paragraphs, String text, boolean subhead) {
		String collapsed = StoryText.collapse(text);
		if (collapsed != null && !collapsed.isEmpty()) {
			paragraphs.add(new StoryParagraph(collapsed, subhead));
		}
	}

	/** The page's {@code meta} properties and names, lower case, the first of each. */
	private static Map<String, String> meta(Document document) {
		Map<String, String> meta = new HashMap<>();
		for (Element element : document.select("meta[content]")) {
			String key = first(element.attr("property"), element.attr("name"), element.attr("itemprop"));
			String content = element.attr("content").strip();
			if (key != null && !content.isEmpty()) {
				meta.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
			}
		}
		return meta;
	}

	/** The page's JSON-LD description of its article, or {@code null}. */
	private static JsonNode linkedData(Document document) {
		for (Element script : document.select("script[type=application/ld+json]")) {
			try {
				JsonNode found = articleIn(JSON.readTree(script.data()));
				if (found != null) {
					return found;
				}
			}
			catch (JacksonException ex) {
				// a page's broken JSON-LD is passed over: the other metadata remains
			}
		}
		return null;
	}

	private static JsonNode articleIn(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				JsonNode found = articleIn(item);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (!node.isObject()) {
			return null;
		}
		JsonNode type = node.get("@type");
		if (type != null) {
			List<String> types = new ArrayList<>();
			if (type.isArray()) {
				type.forEach((t) -> types.add(t.asString()));
			}
			else {
				types.add(type.asString());
			}
			if (types.stream().anyMatch(ARTICLE_TYPES::contains) && !types.contains("WebPage")) {
				return node;
			}
		}
		return articleIn(node.get("@graph"));
	}

	private static String text(JsonNode node, String field) {
		if (node == null || node.get(field) == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return value.isValueNode() ? value.asString() : null;
	}

	private static String author(JsonNode article) {
		if (article == null || article.get("author") == null) {
			return null;
		}
		List<String> names = new ArrayList<>();
		JsonNode author = article.get("author");
		for (JsonNode one : author.isArray() ? author : List.of(author)) {
			String name = one.isObject() ? text(one, "name") : one.isValueNode() ? one.asString() : null;
			if (name != null && !name.isBlank()) {
				names.add(name.strip());
			}
		}
		return names.isEmpty() ? null : String.join(", ", names);
	}

	private static String publisher(JsonNode article) {
		if (article == null || article.get("publisher") == null) {
			return null;
		}
		JsonNode publisher = article.get("publisher");
		for (JsonNode one : publisher.isArray() ? publisher : List.of(publisher)) {
			String name = one.isObject() ? text(one, "name") : one.isValueNode() ? one.asString() : null;
			if (name != null && !name.isBlank()) {
				return name;
			}
		}
		return null;
	}

	private static String absolute(Element element, String attribute) {
		return (element != null) ? first(element.absUrl(attribute), element.attr(attribute)) : null;
	}

	/** A date as the archive keeps it: the instant in UTC, or the day alone. */
	private static String date(String value) {
		if (value == null) {
			return null;
		}
		Instant instant = instant(value);
		if (instant != null) {
			return instant.toString();
		}
		String day = value.strip();
		return (day.length() >= 10 && day.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) ? day.substring(0, 10)
				: null;
	}

	private static Instant instant(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(value.strip());
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/**
	 * A byline without what pages set around it: a leading "By", trailing dashes, bars
	 * and commas.
	 */
	private static String byline(String value) {
		String byline = clean(value);
		if (byline == null) {
			return null;
		}
		if (byline.regionMatches(true, 0, "by ", 0, 3)) {
			byline = byline.substring(3);
		}
		int start = 0;
		int end = byline.length();
		while (start < end && !Character.isLetterOrDigit(byline.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetterOrDigit(byline.charAt(end - 1)) && byline.charAt(end - 1) != '.'
				&& byline.charAt(end - 1) != ')') {
			end--;
		}
		return clean(byline.substring(start, end));
	}

	private static String clean(String value) {
		String collapsed = (value != null) ? StoryText.collapse(value) : null;
		return (collapsed == null || collapsed.isEmpty()) ? null : collapsed;
	}

	private static String first(String... values) {
		return StoryDraft.first(values);
	}

}
