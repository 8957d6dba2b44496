package org.morgue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table belongs to the module whose migration creates it, and only that module reads
 * or writes it or puts triggers on it; other modules go through its API.
 * {@code ApplicationModules.verify()} sees Java types only, not the table names in SQL
 * strings and migrations, so this test reads them: every string literal in each module's
 * main sources (SQL lives there, as text blocks or concatenated literals), and every
 * migration's {@code create table} and {@code create trigger}. Foreign keys to another
 * module's table are fine: they are the schema's way of saying "this article".
 */
class TableOwnershipTests {

	/**
	 * Spring Modulith's event publication log: no module's table, so no module may touch
	 * it.
	 */
	private static final String SPRING_MODULITH = "Spring Modulith";

	/**
	 * The module each migration belongs to. The tables a migration creates belong to its
	 * module; a new migration needs a line here.
	 */
	private static final Map<Integer, String> MIGRATION_OWNERS = Map.ofEntries(Map.entry(1, "article"),
			Map.entry(2, "user"), Map.entry(3, SPRING_MODULITH), Map.entry(4, "ner"), Map.entry(5, "ner"),
			Map.entry(6, "article"), Map.entry(7, "tag"), Map.entry(8, "annotation"), Map.entry(9, "history"),
			Map.entry(10, "alert"), Map.entry(11, "ner"), Map.entry(12, "article"), Map.entry(13, "story"),
			Map.entry(14, "feed"), Map.entry(15, "article"), Map.entry(16, "copies"), Map.entry(17, "user"),
			Map.entry(18, "system"));

	/**
	 * The one module that writes Spring Modulith's log: {@code system.NodePublications}
	 * hands a stopped node's unfinished publications to a live node
	 * ({@code event_publication.published_by}, V18).
	 */
	private static final String PUBLICATIONS_HANDOVER = "system";

	private static final Path MIGRATIONS = Path.of("db", "migration");

	private static final Path MODULES = Path.of("src", "main", "java", "org", "morgue");

	private static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d+)__.+\\.sql");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");

	private static final Pattern CREATE_TRIGGER = Pattern.compile(
			"(?is)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?trigger\\s+([a-z_][a-z0-9_]*)\\s.*?\\son\\s+(?:public\\.)?([a-z_][a-z0-9_]*)");

	private static final Pattern DROP_TRIGGER = Pattern.compile(
			"(?i)\\bdrop\\s+trigger\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+on\\s+(?:public\\.)?([a-z_][a-z0-9_]*)");

	/**
	 * Where SQL names a table it reads or writes; {@code delete from} is a {@code from}.
	 */
	private static final Pattern TABLE_USE = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|truncate(?:\\s+table)?)\\s+(?:only\\s+)?(?:public\\.)?\"?([a-z_][a-z0-9_]*)\"?");

	@Test
	void everyMigrationNamesItsModule() throws IOException {
		assertThat(migrations().keySet()).as("migrations without an owner in MIGRATION_OWNERS")
			.isSubsetOf(MIGRATION_OWNERS.keySet());
	}

	@Test
	void noModuleReadsOrWritesAnotherModulesTables() throws IOException {
		Map<String, String> owners = tableOwners();
		List<String> violations = new ArrayList<>();
		for (Path file : javaSources()) {
			String module = MODULES.relativize(file).getName(0).toString();
			for (String sql : StringLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
				Matcher use = TABLE_USE.matcher(sql);
				while (use.find()) {
					String table = use.group(1).toLowerCase(Locale.ROOT);
					String owner = owners.get(table);
					boolean handover = SPRING_MODULITH.equals(owner) && PUBLICATIONS_HANDOVER.equals(module);
					if (owner != null && !owner.equals(module) && !handover) {
						violations.add("%s (module %s) uses %s's table %s: \"%s\"".formatted(MODULES.relativize(file),
								module, owner, table, sql.strip().replaceAll("\\s+", " ")));
					}
				}
			}
		}
		assertThat(violations).as("SQL on another module's tables: use that module's API instead").isEmpty();
	}

	@Test
	void noModulePutsTriggersOnAnotherModulesTables() throws IOException {
		Map<String, String> owners = tableOwners();
		// Triggers as the migrations leave them, statement by statement: a later one may
		// drop one.
		Map<String, Trigger> triggers = new LinkedHashMap<>();
		for (Map.Entry<Integer, String> migration : migrations().entrySet()) {
			String sql = withoutComments(migration.getValue());
			List<MatchResult> statements = new ArrayList<>(CREATE_TRIGGER.matcher(sql).results().toList());
			statements.addAll(DROP_TRIGGER.matcher(sql).results().toList());
			statements.sort(Comparator.comparingInt(MatchResult::start));
			for (MatchResult statement : statements) {
				String key = Trigger.key(statement);
				if (statement.group().regionMatches(true, 0, "drop", 0, 4)) {
					triggers.remove(key);
				}
				else {
					triggers.put(key, new Trigger(key, statement.group(2).toLowerCase(Locale.ROOT), migration.getKey(),
							MIGRATION_OWNERS.get(migration.getKey())));
				}
			}
		}
		List<String> violations = new ArrayList<>();
		for (Trigger trigger : triggers.values()) {
			String owner = owners.get(trigger.table());
			if (!Objects.equals(trigger.module(), owner)) {
				violations.add("trigger %s, placed by V%d (module %s) on %s's table".formatted(trigger.key(),
						trigger.migration(), trigger.module(), owner));
			}
		}
		assertThat(violations).as("triggers on another module's tables: let that module publish an event instead")
			.isEmpty();
	}

	private record Trigger(String key, String table, int migration, String module) {

		/** The trigger's name and table: "article_delete_counts on article". */
		static String key(MatchResult matcher) {
			return matcher.group(1).toLowerCase(Locale.ROOT) + " on " + matcher.group(2).toLowerCase(Locale.ROOT);
		}

	}

	@Test
	void theTableScanFindsWhatItLooksFor() {
		// A check that cannot fail is no check: the patterns see SQL as the stores write
		// it.
		List<String> literals = StringLiterals.of("""
				// select * from comment_only
				String a = "select id from article a left join source s on s.id = a.source_id";
				String b = \"""
						insert into article_tag (article_id) values (:id)
						on conflict do nothing\""";
				String c = "delete from " + "mention where article_id = :id";
				char quote = '"';
				String d = "update \\"entity\\" set name = :name";
				""");
		List<String> tables = new ArrayList<>();
		literals.forEach(sql -> TABLE_USE.matcher(sql).results().forEach(use -> tables.add(use.group(1))));

		assertThat(tables).containsExactly("article", "source", "article_tag", "mention", "entity");
		Matcher trigger = CREATE_TRIGGER
			.matcher("create trigger t after delete or update of x on article for each row");
		assertThat(trigger.find()).isTrue();
		assertThat(Trigger.key(trigger)).isEqualTo("t on article");
		Matcher dropped = DROP_TRIGGER.matcher("drop trigger if exists t on public.article;");
		assertThat(dropped.find()).isTrue();
		assertThat(Trigger.key(dropped)).isEqualTo("t on article");
	}

	/** Each table and the module whose migration creates it. */
	private static Map<String, String> tableOwners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		for (Map.Entry<Integer, String> migration : migrations().entrySet()) {
			Matcher created = CREATE_TABLE.matcher(withoutComments(migration.getValue()));
			while (created.find()) {
				String previous = owners.put(created.group(1).toLowerCase(Locale.ROOT),
						MIGRATION_OWNERS.get(migration.getKey()));
				assertThat(previous).as("table %s created twice", created.group(1)).isNull();
			}
		}
		assertThat(owners).as("tables the migrations create").containsKeys("article", "event_publication", "tag");
		return owners;
	}

	/** The migrations by version, in order. */
	private static Map<Integer, String> migrations() throws IOException {
		Map<Integer, String> migrations = new TreeMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher name = MIGRATION_NAME.matcher(file.getFileName().toString());
				if (name.matches()) {
					migrations.put(Integer.valueOf(name.group(1)), Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		assertThat(migrations).as("migrations in " + MIGRATIONS).isNotEmpty();
		return migrations;
	}

	private static List<Path> javaSources() throws IOException {
		try (Stream<Path> files = Files.walk(MODULES)) {
			List<Path> sources = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> MODULES.relativize(file).getNameCount() > 1)
				.sorted()
				.toList();
			assertThat(sources).as("main sources in " + MODULES).isNotEmpty();
			return sources;
		}
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\\n]*", " ");
	}

	/**
	 * The string literals and text blocks of a Java source, with literals joined by
	 * {@code +} taken as one, and comments and character literals skipped.
	 */
	static final class StringLiterals {

		private final String source;

		private int position;

		private StringLiterals(String source) {
			this.source = source;
		}

		static List<String> of(String source) {
			return new StringLiterals(source).read();
		}

		private List<String> read() {
			List<String> literals = new ArrayList<>();
			int lastEnd = -1;
			while (position < source.length()) {
				char c = source.charAt(position);
				if (source.startsWith("//", position)) {
					skipPast("\n");
				}
				else if (source.startsWith("/*", position)) {
					skipPast("*/");
				}
				else if (c == '\'') {
					quoted('\'');
				}
				else if (c == '"') {
					boolean joined = lastEnd >= 0 && source.substring(lastEnd, position).strip().equals("+");
					String literal = source.startsWith("\"\"\"", position) ? textBlock() : quoted('"');
					if (joined) {
						literals.set(literals.size() - 1, literals.get(literals.size() - 1) + literal);
					}
					else {
						literals.add(literal);
					}
					lastEnd = position;
				}
				else {
					position++;
				}
			}
			return literals;
		}

		private void skipPast(String end) {
			int found = source.indexOf(end, position + 2);
			position = (found < 0) ? source.length() : found + end.length();
		}

		private String quoted(char quote) {
			StringBuilder text = new StringBuilder();
			position++;
			while (position < source.length() && source.charAt(position) != quote) {
				if (source.charAt(position) == '\\' && position + 1 < source.length()) {
					position++;
				}
				text.append(source.charAt(position++));
			}
			position++;
			return text.toString();
		}

		private String textBlock() {
			StringBuilder text = new StringBuilder();
			position += 3;
			while (position < source.length() && !source.startsWith("\"\"\"", position)) {
				if (source.charAt(position) == '\\' && position + 1 < source.length()) {
					position++;
				}
				text.append(source.charAt(position++));
			}
			position += 3;
			return text.toString();
		}

	}

}
