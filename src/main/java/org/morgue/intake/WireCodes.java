package org.morgue.intake;

import org.morgue.story.StoryStatus;

import java.util.Locale;

/**
 * Codes as the wire formats write them: NewsML-G2 QCodes ({@code stat:usable}), the URIs
 * they stand for ({@code http://cv.iptc.org/newscodes/pubstatusg2/usable}) and the plain
 * values of NITF and ninjs ({@code usable}). Stateless and thread-safe.
 */
final class WireCodes {

	private WireCodes() {
	}

	/**
	 * The code without its scheme: {@code REUTERS} of {@code nprov:REUTERS},
	 * {@code usable} of a URI ending in {@code /usable}.
	 * @return the code, or {@code null} when the value is {@code null} or blank
	 */
	static String code(String value) {
		String text = StoryText.collapse(value);
		if (text == null) {
			return null;
		}
		int slash = text.lastIndexOf('/');
		if (slash >= 0) {
			String last = text.substring(slash + 1);
			return last.isEmpty() ? null : last;
		}
		int colon = text.indexOf(':');
		String code = (colon >= 0) ? text.substring(colon + 1) : text;
		return code.isEmpty() ? null : code;
	}

	/**
	 * The status of a story as its provider writes it.
	 * @param value {@code stat:usable}, {@code withheld}, {@code canceled} and the like;
	 * {@code null} when the document gives none
	 * @return usable when the document gives no status
	 * @throws InvalidWireDocumentException for a status that is none of these
	 */
	static StoryStatus status(String value) {
		String code = code(value);
		if (code == null) {
			return StoryStatus.USABLE;
		}
		return switch (code.toLowerCase(Locale.ROOT)) {
			case "usable" -> StoryStatus.USABLE;
			case "withheld" -> StoryStatus.WITHHELD;
			case "canceled", "cancelled" -> StoryStatus.CANCELED;
			default -> throw new InvalidWireDocumentException("The publication status '" + value.strip()
					+ "' is none of usable, withheld and canceled, so the archive cannot tell whether to use the story.");
		};
	}

}
