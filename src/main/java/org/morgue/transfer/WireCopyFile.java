package org.morgue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.morgue.article.InvalidArticleException;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.CopyDecoder;

/**
 * A {@code .txt} file of wire copy: one article, as if pasted, decoded strictly as UTF-8.
 */
final class WireCopyFile {

	private WireCopyFile() {
	}

	/**
	 * The file's one item: its copy, or why it cannot be read. A file over the limit is
	 * not read at all.
	 */
	static ImportItem read(Path path, String file, long maxBodyBytes) throws IOException {
		ImportPlace place = new ImportPlace(file, 0);
		long size = Files.size(path);
		if (size > maxBodyBytes) {
			return tooLarge(place, size, maxBodyBytes);
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(path)) {
			// no more than the limit, should the file have grown since
			bytes = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
		}
		if (bytes.length > maxBodyBytes) {
			return tooLarge(place, bytes.length, maxBodyBytes);
		}
		try {
			return new ImportItem.Copy(place, CopyDecoder.decode(bytes, StandardCharsets.UTF_8, "copy"),
					CopyCorrections.none());
		}
		catch (InvalidArticleException ex) {
			return new ImportItem.Unreadable(place,
					"The file is not valid UTF-8 text; save it as UTF-8 and import it " + "again.");
		}
	}

	/**
	 * A document file's one item: its bytes for the intake, or why it cannot be read. A
	 * file over the limit is not read at all.
	 */
	static ImportItem document(Path path, String file, long maxBytes) throws IOException {
		ImportPlace place = new ImportPlace(file, 0);
		long size = Files.size(path);
		if (size > maxBytes) {
			return tooLarge(place, size, maxBytes);
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(path)) {
			bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
		}
		if (bytes.length > maxBytes) {
			return tooLarge(place, bytes.length, maxBytes);
		}
		return new ImportItem.Document(place, bytes, null, path.getFileName().toString());
	}

	private static ImportItem tooLarge(ImportPlace place, long size, long maxBodyBytes) {
		return new ImportItem.Unreadable(place, "The file is " + size + " bytes, more than the archive accepts for "
				+ "one article (" + maxBodyBytes + " bytes, morgue.ingest.max-body-bytes); it was not read.");
	}

}
