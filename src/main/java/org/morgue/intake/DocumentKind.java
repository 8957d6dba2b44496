package org.morgue.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a document is, to know which reader takes it: a wire document (NewsML-G2, NITF,
 * ninjs), a feed (RSS or Atom), a web page or a list of addresses.
 *
 * <p>
 * The media type decides when it says ({@code text/html}, {@code text/uri-list},
 * {@code application/rss+xml}, {@code application/atom+xml}); XML of no particular type,
 * and documents that come without one, are told by their root element ({@code rss},
 * {@code feed} and {@code RDF} are feeds, {@code html} a page, anything else is left to
 * the wire reader, which names what it found); a file's extension ({@code .html}) or a
 * document that opens as HTML does ({@code <!DOCTYPE html}, {@code <html}, as browsers
 * sniff it) is a page.
 */
enum DocumentKind {

	WIRE, FEED, PAGE, ADDRESSES;

	static DocumentKind of(String mediaType, String fileName, byte[] content) {
		String type = (mediaType != null) ? mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
		switch (type) {
			case "text/html", "application/xhtml+xml" -> {
				return PAGE;
			}
			case "text/uri-list" -> {
				return ADDRESSES;
			}
			case "application/rss+xml", "application/atom+xml", "application/rdf+xml" -> {
				return FEED;
			}
			case "application/xml", "text/xml", "", "application/octet-stream" -> {
				return byContent(fileName, content);
			}
			default -> {
				return WIRE;
			}
		}
	}

	private static DocumentKind byContent(String fileName, byte[] content) {
		String name = (fileName != null) ? fileName.strip().toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".html") || name.endsWith(".htm")) {
			return PAGE;
		}
		if (name.endsWith(".json")) {
			return WIRE;
		}
		String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
			.replace("\uFEFF", "")
			.replace("ï»¿", "")
			.toLowerCase(Locale.ROOT);
		if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
			return PAGE;
		}
		if (!head.startsWith("<")) {
			return WIRE;
		}
		return switch (rootElement(content)) {
			case "rss", "feed", "RDF" -> FEED;
			case "html" -> PAGE;
			default -> WIRE;
		};
	}

	/**
	 * The local name of the root element, or an empty string when the XML cannot be read
	 * that far (the wire reader then says why).
	 */
	static String rootElement(byte[] content) {
		try {
			XMLStreamReader reader = WireXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(content));
			try {
				while (reader.hasNext()) {
					if (reader.next() == XMLStreamConstants.START_ELEMENT) {
						return reader.getLocalName();
					}
				}
				return "";
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			return "";
		}
	}

}
