package org.morgue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.morgue.annotation.AnnotationDetails;
import org.morgue.annotation.AnnotationService;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleVersion;
import org.morgue.ner.EntityMention;
import org.morgue.ner.EntityService;
import org.morgue.tag.TagService;
import org.morgue.system.WorkProgress;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The whole archive as NDJSON, one article per line in id order (see
 * {@link ArchiveLine}), read a batch at a time so that an archive of any size streams in
 * little memory. Importing the file into an empty archive gives back the same articles
 * with the same entities.
 */
@Service
public class ArchiveExport {

	private static final int BATCH = 500;

	private static final byte[] NEWLINE = { '\n' };

	private final ArticleService articles;

	private final EntityService entities;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	private final TagService tags;

	private final AnnotationService annotations;

	ArchiveExport(ArticleService articles, EntityService entities, TagService tags, AnnotationService annotations,
			JsonMapper json) {
		this.tags = tags;
		this.annotations = annotations;
		this.articles = articles;
		this.entities = entities;
		this.json = json;
	}

	/**
	 * Writes every article to the stream, which stays open.
	 * @param progress told where the export stands after each batch
	 * @return how many articles were written
	 */
	public long write(OutputStream out, Consumer<WorkProgress> progress) throws IOException {
		long total = articles.count();
		WorkProgress running = WorkProgress.running("export", clock.instant(), 0, total, clock);
		progress.accept(running);
		long written = 0;
		long after = 0;
		for (List<ArticleVersion> batch = articles.versionsAfter(after, BATCH); !batch.isEmpty(); batch = articles
			.versionsAfter(after, BATCH)) {
			List<Long> ids = batch.stream().map(ArticleVersion::id).toList();
			Map<Long, String> rawTexts = articles.rawTexts(ids);
			Map<Long, Integer> analysed = entities.analysedVersions(ids);
			Map<Long, List<EntityMention>> mentions = entities.mentionsOf(ids);
			Map<Long, List<String>> tagged = tags.tagsOf(ids);
			Map<Long, List<AnnotationDetails>> notes = annotations.ofArticles(ids);
			for (ArticleDetails article : articles.details(ids)) {
				Integer version = analysed.get(article.id());
				out.write(json.writeValueAsBytes(ArchiveLine.write(json, article, rawTexts.get(article.id()),
						version != null && version == article.version(), mentions.getOrDefault(article.id(), List.of()),
						tagged.getOrDefault(article.id(), List.of()), notes.getOrDefault(article.id(), List.of()))));
				out.write(NEWLINE);
				written++;
			}
			after = ids.get(ids.size() - 1);
			progress
				.accept(WorkProgress.running("export", running.startedAt(), written, Math.max(total, written), clock));
		}
		out.flush();
		progress.accept(
				WorkProgress.running("export", running.startedAt(), written, written, clock).finished(written, clock));
		return written;
	}

}
