package org.morgue.intake;

/**
 * A document as it arrived, for {@link IntakeService#take}: a NewsML-G2 item or message,
 * NITF, ninjs, an RSS or Atom feed, a web page or a list of addresses.
 *
 * @param content its bytes, exactly as received
 * @param mediaType the media type it came with, parameters and all, or {@code null}
 * @param fileName the name of the file it came in, or {@code null}
 * @param url where it came from (a page's or a feed's address, to resolve its links and
 * to keep with a page), or {@code null}
 * @param source the agency or publication to credit when the document names none (a
 * feed's source), or {@code null}
 */
public record IntakeDocument(byte[] content, String mediaType, String fileName, String url, String source) {

	public IntakeDocument {
		content = (content != null) ? content : new byte[0];
	}

}
