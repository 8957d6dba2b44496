package org.morgue.intake;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Element;

/**
 * The one way in for wire documents: picks the parser for a document and reads it into
 * its stories.
 *
 * <p>
 * The media type decides: {@value #NEWSML_G2} (and {@value #NEWSML_G2_MESSAGE}) is
 * NewsML-G2, {@value #NITF} is NITF, {@value #NINJS} is ninjs. XML of no more particular
 * type ({@code application/xml}, {@code text/xml}) and {@code .xml} files are told by
 * their root element ({@code newsItem}, {@code newsMessage}, {@code nitf}); JSON and
 * {@code .json} files are ninjs. Without a media type or a file name that says, a
 * document starting with {@code <} is taken as XML and one starting with {@code {} as
 * JSON.
 *
 * <p>
 * Every refusal is an {@link InvalidWireDocumentException} whose message says what is
 * wrong: not well-formed (with the line and column), not a news item (naming the root
 * element found), no story text, a ninjs version the archive does not read, a format it
 * does not take. Stateless and thread-safe.
 */
final class WireDocumentReader {

	/** NewsML-G2's news item. */
	static final String NEWSML_G2 = "application/vnd.iptc.g2.newsitem+xml";

	/** NewsML-G2's news message, several items in one document. */
	static final String NEWSML_G2_MESSAGE = "application/vnd.iptc.g2.newsmessage+xml";

	/** NITF. */
	static final String NITF = "application/nitf+xml";

	/** ninjs, news in JSON. */
	static final String NINJS = "application/ninjs+json";

	private final NewsMlG2Parser newsMl = new NewsMlG2Parser();

	private final NitfParser nitf = new NitfParser();

	private final NinjsParser ninjs = new NinjsParser();

	/**
	 * The stories of a document as received: XML in the encoding its byte order mark, its
	 * media type's {@code charset} or its XML declaration names (UTF-8 when none does),
	 * JSON in UTF-8.
	 * @param content the document's bytes
	 * @param mediaType the media type it came with, parameters and all, or {@code null}
	 * @param fileName the name of the file it came in, or {@code null}
	 * @return one story for each news item with text, in the document's order
	 * @throws InvalidWireDocumentException when the document cannot be taken, saying why
	 */
	List<WireStory> read(byte[] content, String mediaType, String fileName) {
		MediaType type = MediaType.of(mediaType);
		Kind kind = kind(type, fileName, content);
		String charset = type.parameter("charset");
		String document = (kind == Kind.NINJS) ? decode(content, (charset != null) ? charset : "UTF-8", "JSON")
				: decode(content, xmlEncoding(content, charset), "XML");
		return read(kind, document, type);
	}

	/**
	 * The stories of a document already decoded to text.
	 * @param document the document's text
	 * @param mediaType the media type it came with, parameters and all, or {@code null}
	 * @param fileName the name of the file it came in, or {@code null}
	 * @return one story for each news item with text, in the document's order
	 * @throws InvalidWireDocumentException when the document cannot be taken, saying why
	 */
	List<WireStory> read(String document, String mediaType, String fileName) {
		MediaType type = MediaType.of(mediaType);
		return read(kind(type, fileName, document.getBytes(StandardCharsets.UTF_8)), document, type);
	}

	private List<WireStory> read(Kind kind, String document, MediaType type) {
		return switch (kind) {
			case NEWSML_G2 -> this.newsMl.parse(document);
			case NITF -> List.of(this.nitf.parse(document));
			case NINJS -> List.of(this.ninjs.parse(document, type.parameter("profile")));
			case XML -> byRootElement(document);
		};
	}

	private List<WireStory> byRootElement(String document) {
		Element root = WireXml.parse(document);
		return switch (root.getLocalName()) {
			case "newsItem", "newsMessage" -> this.newsMl.read(root, document);
			case "nitf" -> List.of(this.nitf.read(root, document));
			default -> throw notANewsItem(root, "NewsML-G2's newsItem or newsMessage, or NITF's nitf");
		};
	}

	/**
	 * The refusal of a document whose root element is not one a parser reads.
	 * @param expected what was expected, for the message
	 */
	static InvalidWireDocumentException notANewsItem(Element root, String expected) {
		return new InvalidWireDocumentException("The document is not a news item: its root element is <"
				+ root.getLocalName() + ">, where the archive reads " + expected + ".");
	}

	private static Kind kind(MediaType type, String fileName, byte[] content) {
		switch (type.name()) {
			case NEWSML_G2, NEWSML_G2_MESSAGE -> {
				return Kind.NEWSML_G2;
			}
			case NITF -> {
				return Kind.NITF;
			}
			case NINJS -> {
				return Kind.NINJS;
			}
			case "application/json" -> {
				return Kind.NINJS;
			}
			case "application/xml", "text/xml" -> {
				return Kind.XML;
			}
			case "", "application/octet-stream", "text/plain" -> {
				// nothing said: the file's name, else its first character
			}
			default -> {
				if (type.name().endsWith("+json")) {
					return Kind.NINJS;
				}
				if (type.name().endsWith("+xml")) {
					return Kind.XML;
				}
				throw new InvalidWireDocumentException(
						"The archive does not read " + type.name() + " as wire copy: send NewsML-G2 (" + NEWSML_G2
								+ "), NITF (" + NITF + ") or ninjs (" + NINJS + "), or an .xml or .json file.");
			}
		}
		String name = (fileName != null) ? fileName.strip().toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".json")) {
			return Kind.NINJS;
		}
		if (name.endsWith(".xml")) {
			return Kind.XML;
		}
		int first = firstCharacter(content);
		if (first == '<') {
			return Kind.XML;
		}
		if (first == '{') {
			return Kind.NINJS;
		}
		throw new InvalidWireDocumentException("The document is neither XML nor JSON: the archive reads NewsML-G2, "
				+ "NITF and ninjs, as .xml and .json files or with their media types.");
	}

	/** The first byte that is not whitespace or a byte order mark, or -1. */
	private static int firstCharacter(byte[] content) {
		for (byte b : content) {
			int c = b & 0xFF;
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB && c != 0xBF && c != 0xFE
					&& c != 0xFF && c != 0) {
				return c;
			}
		}
		return -1;
	}

	/**
	 * The encoding of an XML document: its media type's {@code charset}, else its byte
	 * order mark or declaration as the XML parser reads them.
	 */
	private static String xmlEncoding(byte[] content, String charset) {
		if (charset != null) {
			return charset;
		}
		try {
			XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
			try {
				String declared = reader.getCharacterEncodingScheme();
				String detected = reader.getEncoding();
				return (declared != null) ? declared : (detected != null) ? detected : "UTF-8";
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			// the declaration cannot be read: the parser will say why, reading it as
			// UTF-8
			return "UTF-8";
		}
	}

	private static String decode(byte[] content, String encoding, String format) {
		Charset charset;
		try {
			charset = Charset.forName(encoding.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new InvalidWireDocumentException(
					"The document's encoding '" + encoding + "' is not one the archive knows: send it as UTF-8.");
		}
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			// a byte order mark is not part of the document
			return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new InvalidWireDocumentException("The document is not well-formed " + format + ": its bytes are not "
					+ charset.name() + " text, as its encoding should be.");
		}
	}

	private enum Kind {

		NEWSML_G2, NITF, NINJS, XML

	}

	/** A media type's name in lower case, without parameters, and its parameters. */
	private record MediaType(String name, String parameters) {

		static MediaType of(String value) {
			if (value == null) {
				return new MediaType("", "");
			}
			int semicolon = value.indexOf(';');
			String name = ((semicolon < 0) ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
			return new MediaType(name, (semicolon < 0) ? "" : value.substring(semicolon + 1));
		}

		/** The value of a parameter, quotes removed, or {@code null}. */
		String parameter(String wanted) {
			for (String parameter : this.parameters.split(";")) {
				int equals = parameter.indexOf('=');
				if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase(wanted)) {
					String value = parameter.substring(equals + 1).strip();
					if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
						value = value.substring(1, value.length() - 1);
					}
					return value.isEmpty() ? null : value;
				}
			}
			return null;
		}

	}

}
