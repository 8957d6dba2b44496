package org.morgue.transfer;

/**
 * What became of one item of an import.
 *
 * @param place where the item was read
 * @param status created, duplicate (the same copy is already in the archive, under
 * {@code articleId}) or error
 * @param articleId the stored article, for created and duplicate
 * @param field the field at fault, for an error that names one
 * @param reason why the item was not stored, for an error
 */
public record ImportOutcome(ImportPlace place, Status status, Long articleId, String field, String reason) {

	public enum Status {

		/** A new article. */
		CREATED,

		/**
		 * A version of a story the archive has: a newer one applied, an older one listed.
		 */
		UPDATED,

		/** The same copy, or the same version of a story, is in the archive already. */
		DUPLICATE,

		/** Not stored, for the reason given. */
		ERROR

	}

	static ImportOutcome error(ImportPlace place, String field, String reason) {
		return new ImportOutcome(place, Status.ERROR, null, field, reason);
	}

}
