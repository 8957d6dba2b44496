package org.morgue.transfer;

import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.CopyCorrections;

/**
 * One article as an import file gives it, before it is checked: fields (CSV), wire copy
 * with what the file says about it (a {@code .txt} file, a Reuters story), a line of
 * NDJSON still to be interpreted, or the reason the reader could not read it.
 */
public sealed interface ImportItem {

	ImportPlace place();

	/** An article field by field, as a CSV row gives it. */
	record Fields(ImportPlace place, ArticleInput fields, String rawText) implements ImportItem {
	}

	/**
	 * Wire copy, to go through the same parser as pasted copy, with what the file says
	 * over it.
	 */
	record Copy(ImportPlace place, String raw, CopyCorrections corrections) implements ImportItem {
	}

	/**
	 * One NDJSON line: the fields of a single POST, {@code {"raw": ...}}, or an exported
	 * article.
	 */
	record Json(ImportPlace place, String line) implements ImportItem {
	}

	/**
	 * A document for the intake (NewsML-G2, NITF, ninjs, a web page or a feed), told by
	 * its media type when given, else by its file name and its content.
	 */
	record Document(ImportPlace place, byte[] content, String mediaType, String fileName) implements ImportItem {
	}

	/** Something the reader could not read as an article, and why. */
	record Unreadable(ImportPlace place, String reason) implements ImportItem {
	}

}
