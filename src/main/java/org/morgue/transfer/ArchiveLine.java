package org.morgue.transfer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.morgue.annotation.AnnotationDetails;
import org.morgue.annotation.ArchivedAnnotation;
import org.morgue.annotation.PassageSelectors;
import org.morgue.article.ArticleDateline;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleMetadata;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleProvenance;
import org.morgue.article.InvalidArticleException;
import org.morgue.article.NewArticle;
import org.morgue.ingest.MetadataInput;
import org.morgue.ingest.PublicationDate;
import org.morgue.ner.ArchivedMention;
import org.morgue.ner.EntityMention;
import org.morgue.ner.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One article of an export of the whole archive, as a line of NDJSON: the article JSON of
 * the API (without its links) with the copy as received ({@code rawText}), its tags, its
 * annotations (who, when, the note, the passage's quote with its context and offsets)
 * and, when the article has been analysed, its entities with every mention. The same line
 * imports back into the same article: text, metadata, who brought it in and when, and its
 * entities, without running the tagger again. An import recognises such a line by its
 * {@code paragraphs}.
 */
final class ArchiveLine {

	/**
	 * The field that marks a line as an exported article rather than the fields of a new
	 * one.
	 */
	static final String MARKER = "paragraphs";

	private static final Set<String> FIELDS = Set.of("id", "title", "titleDerived", "byline", "source", "dateline",
			"publishedAt", "ingestedAt", "url", "language", "wordCount", "contentHash", "version", "createdBy",
			"createdAt", "updatedBy", "updatedAt", "body", "paragraphs", "signOff", "rawText", "entitiesAnalysed",
			"entities", "tags", "annotations");

	private ArchiveLine() {
	}

	/**
	 * An article restored from its line, with the mentions to restore ({@code null}: not
	 * analysed) and its tags.
	 */
	record Restored(NewArticle article, List<ArchivedMention> mentions, List<String> tags,
			List<ArchivedAnnotation> annotations) {
	}

	static ObjectNode write(JsonMapper json, ArticleDetails article, String rawText, boolean analysed,
			List<EntityMention> mentions, List<String> tags, List<AnnotationDetails> annotations) {
		ObjectNode line = json.createObjectNode();
		line.put("id", article.id());
		line.put("title", article.title());
		line.put("titleDerived", article.titleDerived());
		line.put("byline", article.byline());
		line.put("source", article.source());
		ArticleDateline dateline = article.dateline();
		if (dateline == null) {
			line.putNull("dateline");
		}
		else {
			line.putObject("dateline")
				.put("text", dateline.text())
				.put("place", dateline.place())
				.put("placeDisplay", dateline.placeDisplay());
		}
		line.put("publishedAt", PublicationDate.format(article.publishedDate(), article.publishedTime()));
		line.put("ingestedAt", article.ingestedAt().toString());
		line.put("url", article.url());
		line.put("language", article.language());
		line.put("wordCount", article.wordCount());
		line.put("contentHash", article.contentHash());
		line.put("version", article.version());
		line.put("createdBy", article.createdBy());
		line.put("createdAt", article.createdAt().toString());
		line.put("updatedBy", article.updatedBy());
		line.put("updatedAt", article.updatedAt().toString());
		ArrayNode paragraphs = line.putArray("paragraphs");
		article.paragraphs().forEach(p -> paragraphs.addObject().put("text", p.text()).put("subhead", p.subhead()));
		line.put("signOff", article.signOff());
		line.put("rawText", rawText);
		ArrayNode tagNames = line.putArray("tags");
		tags.forEach(tagNames::add);
		ArrayNode notes = line.putArray("annotations");
		for (AnnotationDetails annotation : annotations) {
			PassageSelectors at = annotation.selectors();
			notes.addObject()
				.put("creator", annotation.creator())
				.put("created", annotation.created().toString())
				.put("modified", annotation.modified().toString())
				.put("note", annotation.note())
				.put("exact", at.exact())
				.put("prefix", at.prefix())
				.put("suffix", at.suffix())
				.put("start", at.start())
				.put("end", at.end())
				.put("orphaned", annotation.orphaned());
		}
		line.put("entitiesAnalysed", analysed);
		ArrayNode entities = line.putArray("entities");
		Map<Long, ObjectNode> byEntity = new LinkedHashMap<>();
		for (EntityMention mention : mentions) {
			ObjectNode entity = byEntity.computeIfAbsent(mention.entityId(), id -> {
				ObjectNode node = entities.addObject();
				node.put("name", mention.name()).put("type", mention.type().name()).putArray("mentions");
				return node;
			});
			((ArrayNode) entity.get("mentions")).addObject()
				.put("field", mention.field())
				.put("start", mention.start())
				.put("end", mention.end())
				.put("text", mention.surface());
		}
		return line;
	}

	/**
	 * The article a line gives back.
	 * @throws InvalidArticleException naming the field that is missing, unknown or of the
	 * wrong kind
	 */
	static Restored read(JsonNode line, Instant now, String actor) {
		for (String name : line.propertyNames()) {
			if (!FIELDS.contains(name)) {
				throw new InvalidArticleException(name,
						"Unknown field '" + name + "' in an exported article. The fields are: "
								+ String.join(", ", new TreeSet<>(FIELDS)) + ".");
			}
		}
		List<ArticleParagraph> paragraphs = new ArrayList<>();
		JsonNode blocks = line.get("paragraphs");
		if (!blocks.isArray()) {
			throw new InvalidArticleException("paragraphs", "'paragraphs' must be a list of {\"text\", \"subhead\"}.");
		}
		for (JsonNode block : blocks) {
			String text = string(block, "text");
			if (text == null) {
				throw new InvalidArticleException("paragraphs", "Every paragraph needs its 'text'.");
			}
			paragraphs.add(new ArticleParagraph(text, bool(block, "subhead", false)));
		}
		String rawText = string(line, "rawText");
		if (rawText == null) {
			throw new InvalidArticleException("rawText",
					"An exported article carries its copy as received in 'rawText'.");
		}
		PublicationDate date = PublicationDate.parse("publishedAt", string(line, "publishedAt"));
		JsonNode datelineNode = line.get("dateline");
		ArticleDateline dateline = (datelineNode == null || datelineNode.isNull()) ? null : new ArticleDateline(
				string(datelineNode, "text"), string(datelineNode, "place"), string(datelineNode, "placeDisplay"));
		ArticleMetadata metadata = new ArticleMetadata(MetadataInput.text(string(line, "title")),
				MetadataInput.text(string(line, "byline")), MetadataInput.text(string(line, "source")), dateline,
				(date != null) ? date.date() : null, (date != null) ? date.time() : null,
				MetadataInput.url("url", string(line, "url")),
				MetadataInput.language("language", string(line, "language"), "en"));
		ArticleProvenance provenance = new ArticleProvenance(instant(line, "ingestedAt", now),
				orElse(string(line, "createdBy"), actor), instant(line, "createdAt", now),
				orElse(string(line, "updatedBy"), actor), instant(line, "updatedAt", now));
		NewArticle article = new NewArticle(metadata, bool(line, "titleDerived", false), paragraphs,
				string(line, "signOff"), rawText, provenance);
		return new Restored(article, bool(line, "entitiesAnalysed", false) ? mentions(line) : null, tags(line),
				annotations(line, article.body(), now, actor));
	}

	private static List<ArchivedAnnotation> annotations(JsonNode line, String body, Instant now, String actor) {
		JsonNode annotations = line.get("annotations");
		if (annotations == null || annotations.isNull()) {
			return List.of();
		}
		if (!annotations.isArray()) {
			throw new InvalidArticleException("annotations", "'annotations' must be a list of notes on passages.");
		}
		List<ArchivedAnnotation> restored = new ArrayList<>();
		for (JsonNode annotation : annotations) {
			String note = string(annotation, "note");
			String exact = string(annotation, "exact");
			if (note == null || note.isBlank() || exact == null || !annotation.path("start").canConvertToInt()
					|| !annotation.path("end").canConvertToInt()) {
				throw new InvalidArticleException("annotations",
						"Every annotation needs its 'note', 'exact', 'start' and 'end'.");
			}
			PassageSelectors at = new PassageSelectors(exact, orElse(string(annotation, "prefix"), ""),
					orElse(string(annotation, "suffix"), ""), annotation.get("start").intValue(),
					annotation.get("end").intValue());
			boolean orphaned = bool(annotation, "orphaned", false);
			if (!orphaned && !at.isIn(body)) {
				throw new InvalidArticleException("annotations", "The annotated passage '" + exact + "' is not at "
						+ at.start() + "-" + at.end() + " in the article's text.");
			}
			restored.add(new ArchivedAnnotation(orElse(string(annotation, "creator"), actor),
					instant(annotation, "created", now), instant(annotation, "modified", now), note, at, orphaned));
		}
		return restored;
	}

	private static List<String> tags(JsonNode line) {
		JsonNode tags = line.get("tags");
		if (tags == null || tags.isNull()) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		if (tags.isArray()) {
			for (JsonNode tag : tags) {
				if (!tag.isString()) {
					names = null;
					break;
				}
				names.add(tag.stringValue());
			}
		}
		if (names == null || !tags.isArray()) {
			throw new InvalidArticleException("tags", "'tags' must be a list of tag names.");
		}
		return names;
	}

	private static List<ArchivedMention> mentions(JsonNode line) {
		List<ArchivedMention> mentions = new ArrayList<>();
		JsonNode entities = line.get("entities");
		if (entities == null || entities.isNull()) {
			return mentions;
		}
		if (!entities.isArray()) {
			throw new InvalidArticleException("entities",
					"'entities' must be a list of {\"name\", \"type\", \"mentions\"}.");
		}
		for (JsonNode entity : entities) {
			String name = string(entity, "name");
			EntityType type;
			try {
				type = EntityType.valueOf(String.valueOf(string(entity, "type")));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidArticleException("entities",
						"An entity's type is PERSON, ORGANIZATION, LOCATION or MISC, not '" + string(entity, "type")
								+ "'.");
			}
			if (name == null || !entity.path("mentions").isArray()) {
				throw new InvalidArticleException("entities", "Every entity needs its 'name' and its 'mentions'.");
			}
			for (JsonNode mention : entity.get("mentions")) {
				if (!mention.path("start").canConvertToInt() || !mention.path("end").canConvertToInt()
						|| string(mention, "field") == null || string(mention, "text") == null) {
					throw new InvalidArticleException("entities",
							"Every mention needs 'field', 'start', 'end' and 'text'.");
				}
				mentions.add(new ArchivedMention(string(mention, "field"), mention.get("start").intValue(),
						mention.get("end").intValue(), string(mention, "text"), type, name));
			}
		}
		return mentions;
	}

	/**
	 * The string value of a field, or {@code null} when absent or null.
	 * @throws InvalidArticleException naming the field when it is not a string
	 */
	static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidArticleException(field, "'" + field + "' must be a string.");
		}
		return value.stringValue();
	}

	private static boolean bool(JsonNode node, String field, boolean otherwise) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return otherwise;
		}
		if (!value.isBoolean()) {
			throw new InvalidArticleException(field, "'" + field + "' must be true or false.");
		}
		return value.booleanValue();
	}

	private static Instant instant(JsonNode node, String field, Instant otherwise) {
		String value = string(node, field);
		if (value == null) {
			return otherwise;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArticleException(field, "'" + value + "' is not an instant such as 2022-08-03T10:14:00Z.");
		}
	}

	private static String orElse(String value, String otherwise) {
		return (value == null || value.isBlank()) ? otherwise : value;
	}

}
