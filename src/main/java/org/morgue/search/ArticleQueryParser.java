package org.morgue.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.morgue.tag.TagNames;

/**
 * Reads the query language journalists type: all words must match, {@code OR},
 * {@code -word}, {@code "exact phrase"}, {@code "phrase"~5}, {@code prefix*},
 * parentheses, the fields {@code title:}, {@code byline:}, {@code source:},
 * {@code dateline:}, {@code note:} (the notes annotating the article), {@code entity:} (a
 * person, organisation or place by any of its names), {@code tag:} (a tag in any case:
 * {@code tag:Myanmar}, {@code tag:"human rights"}), and dates as {@code date:2022},
 * {@code date:2022-08}, {@code date:2022-08-01..2022-08-31}.
 * <p>
 * Unquoted words match their English stems in title and body (title counting double);
 * quoted phrases and prefixes match the exact words. Not thread-safe: make one per query.
 */
final class ArticleQueryParser {

	/** The field of words typed without one: title and body. */
	static final String ANY = ArticleFields.TEXT;

	/** {@code body:} is read as the words of the whole article. */
	private static final String BODY = "body";

	static final String DATE = "date";

	static final String ENTITY = "entity";

	private static final Set<String> TEXT_FIELDS = Set.of(ArticleFields.TEXT, ArticleFields.TITLE, ArticleFields.BYLINE,
			ArticleFields.DATELINE, ArticleFields.NOTE);

	private static final int MIN_PREFIX = 2;

	private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line \\d+, column (\\d+)",
			Pattern.DOTALL);

	private static final Pattern TYPOGRAPHIC_QUOTES = Pattern.compile("[“”„‟″«»]");

	private static final Pattern LEXICAL = Pattern.compile("Lexical error at line \\d+, column (\\d+)");

	private final Parser parser;

	/** A parser for queries without {@code entity:}, which then matches nothing. */
	ArticleQueryParser() {
		this(name -> List.of());
	}

	/**
	 * @param entityIds the ids of the entities a name (or alias) stands for
	 */
	ArticleQueryParser(Function<String, List<Long>> entityIds) {
		this.parser = new Parser(entityIds);
	}

	/** Articles mentioning any of these entities. */
	static Query entities(List<Long> ids) {
		if (ids.isEmpty()) {
			return new MatchNoDocsQuery("no entity has that name");
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		ids.forEach(id -> any.add(new TermQuery(new Term(ArticleFields.ENTITY, Long.toString(id))),
				BooleanClause.Occur.SHOULD));
		return new ConstantScoreQuery(any.build());
	}

	/** Articles with this tag, in any case. */
	static Query tag(String name) {
		return new TermQuery(new Term(ArticleFields.TAG, TagNames.key(name)));
	}

	/**
	 * @return the query; all articles for a blank one
	 * @throws InvalidQueryException when the query cannot be read
	 */
	Query parse(String text) {
		if (text == null || text.isBlank()) {
			return new MatchAllDocsQuery();
		}
		try {
			// Typographic quotes (as a word processor or a phone types them) quote
			// phrases too.
			return parser
				.parse(TYPOGRAPHIC_QUOTES.matcher(text).replaceAll("\"").replace('’', '\'').replace('‘', '\''));
		}
		catch (ParseException ex) {
			throw new InvalidQueryException("q", explain(text, ex));
		}
	}

	/**
	 * A date filter from the {@code from} and {@code to} parameters (either may be null).
	 */
	static Query dateRange(LocalDate from, LocalDate to) {
		long lower = (from != null) ? ArticleFields.startOf(from) : Long.MIN_VALUE;
		long upper = (to != null) ? ArticleFields.endOf(to) : Long.MAX_VALUE;
		return LongField.newRangeQuery(ArticleFields.PUBLISHED, lower, upper);
	}

	private static String explain(String text, ParseException ex) {
		String message = String.valueOf(ex.getMessage());
		int own = message.indexOf(OWN_MESSAGE);
		if (own >= 0) {
			return message.substring(own + OWN_MESSAGE.length()).strip();
		}
		Matcher lexical = LEXICAL.matcher(message);
		if (lexical.find()) {
			return "A quote is not closed: add the closing \" to your phrase.";
		}
		Matcher encountered = ENCOUNTERED.matcher(message);
		if (encountered.find()) {
			String token = encountered.group(1).strip();
			int column = Integer.parseInt(encountered.group(2));
			if (token.equals("<EOF>")) {
				return "The query ends too early: a word, a closing parenthesis or a closing quote is missing.";
			}
			return "Unexpected '" + token + "' at character " + column + " of the query. Check parentheses, "
					+ "quotes and operators (AND, OR, -).";
		}
		if (message.contains("not allowed as first character")) {
			return "A word cannot start with * or ?. Put at least two letters before *.";
		}
		if (message.contains("too many boolean clauses") || message.contains("maxClauseCount")) {
			return "The query is too broad (too many words or a very short prefix). Narrow it.";
		}
		return "The query could not be read: " + text;
	}

	/** Marks messages written here, which the parser wraps in its own words. */
	private static final String OWN_MESSAGE = "Morgue: ";

	private static ParseException refuse(String message) {
		return new ParseException(OWN_MESSAGE + message);
	}

	private static final class Parser extends QueryParser {

		private final Function<String, List<Long>> entityIds;

		Parser(Function<String, List<Long>> entityIds) {
			super(ANY, ArticleAnalyzers.STEMS);
			this.entityIds = entityIds;
			setDefaultOperator(AND_OPERATOR);
			setAllowLeadingWildcard(false);
			setSplitOnWhitespace(true);
			setAutoGeneratePhraseQueries(false);
		}

		@Override
		protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
			return fieldQuery(field, queryText, quoted, 0);
		}

		@Override
		protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
			return fieldQuery(field, queryText, true, slop);
		}

		private Query fieldQuery(String field, String text, boolean quoted, int slop) throws ParseException {
			String name = field.toLowerCase(Locale.ROOT).equals(BODY) ? ANY : field.toLowerCase(Locale.ROOT);
			if (name.equals(DATE)) {
				return date(text);
			}
			if (name.equals(ENTITY)) {
				return entities(entityIds.apply(text));
			}
			if (name.equals(ArticleFields.TAG)) {
				return tag(text);
			}
			if (name.equals(ArticleFields.SOURCE)) {
				return new TermQuery(new Term(ArticleFields.SOURCE, ArticleFields.sourceKey(text)));
			}
			if (TEXT_FIELDS.contains(name)) {
				return textQuery(name, text, quoted, slop);
			}
			// Not a field we know: "10:30" or "US: talks" are words, not fields.
			return textQuery(ANY, field + " " + text, quoted, slop);
		}

		private Query textQuery(String field, String text, boolean quoted, int slop) {
			Analyzer analyzer = quoted ? ArticleAnalyzers.EXACT : ArticleAnalyzers.STEMS;
			BooleanClause.Occur occur = (getDefaultOperator() == AND_OPERATOR) ? BooleanClause.Occur.MUST
					: BooleanClause.Occur.SHOULD;
			return createFieldQuery(analyzer, occur, field, text, quoted, slop);
		}

		@Override
		protected Query getPrefixQuery(String field, String termStr) throws ParseException {
			if (termStr.length() < MIN_PREFIX) {
				throw refuse(
						"Put at least " + MIN_PREFIX + " letters before * (" + termStr + "* would match too much).");
			}
			return perTextField(field,
					name -> new PrefixQuery(new Term(name, ArticleAnalyzers.exactTerm(name, termStr))));
		}

		@Override
		protected Query getWildcardQuery(String field, String termStr) throws ParseException {
			throw refuse("Only a * at the end of a word is supported (" + termStr + ").");
		}

		@Override
		protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
			int edits = (minSimilarity >= 1f) ? Math.min(2, (int) minSimilarity) : FuzzyQuery.defaultMaxEdits;
			return perTextField(field,
					name -> new FuzzyQuery(new Term(name, ArticleAnalyzers.exactTerm(name, termStr)), edits, 1));
		}

		@Override
		protected Query getRegexpQuery(String field, String termStr) throws ParseException {
			throw refuse("Regular expressions (/.../) are not supported; use words, phrases and prefix*.");
		}

		@Override
		protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
				boolean endInclusive) throws ParseException {
			if (!field.equalsIgnoreCase(DATE)) {
				throw refuse("Ranges work on dates only: date:2022-08-01..2022-08-31.");
			}
			LocalDate from = (part1 == null || part1.equals("*")) ? null : start(part1);
			LocalDate to = (part2 == null || part2.equals("*")) ? null : end(part2);
			return dateRange(from, to);
		}

		private Query perTextField(String field, java.util.function.Function<String, Query> query)
				throws ParseException {
			String name = field.toLowerCase(Locale.ROOT).equals(BODY) ? ANY : field.toLowerCase(Locale.ROOT);
			if (!TEXT_FIELDS.contains(name)) {
				throw refuse("'" + field
						+ ":' cannot take a prefix or fuzzy word; use it on title, byline, dateline or note.");
			}
			return query.apply(name);
		}

		private static Query date(String text) throws ParseException {
			String value = text.strip();
			int dots = value.indexOf("..");
			if (dots >= 0) {
				String first = value.substring(0, dots).strip();
				String second = value.substring(dots + 2).strip();
				LocalDate from = first.isEmpty() ? null : start(first);
				LocalDate to = second.isEmpty() ? null : end(second);
				if (from != null && to != null && from.isAfter(to)) {
					throw refuse("The date range " + value + " ends before it starts.");
				}
				return dateRange(from, to);
			}
			return dateRange(start(value), end(value));
		}

		/** The first day of 2022, 2022-08 or 2022-08-03. */
		private static LocalDate start(String value) throws ParseException {
			try {
				return switch (value.length()) {
					case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
					case 7 -> YearMonth.parse(value).atDay(1);
					default -> LocalDate.parse(value);
				};
			}
			catch (NumberFormatException | DateTimeException ex) {
				throw badDate(value);
			}
		}

		/** The last day of 2022, 2022-08 or 2022-08-03. */
		private static LocalDate end(String value) throws ParseException {
			try {
				return switch (value.length()) {
					case 4 -> LocalDate.of(Integer.parseInt(value), 12, 31);
					case 7 -> YearMonth.parse(value).atEndOfMonth();
					default -> LocalDate.parse(value);
				};
			}
			catch (NumberFormatException | DateTimeException ex) {
				throw badDate(value);
			}
		}

		private static ParseException badDate(String value) {
			return refuse("'" + value + "' is not a date: write date:2022, date:2022-08, date:2022-08-03 or "
					+ "date:2022-08-01..2022-08-31.");
		}

	}

}
