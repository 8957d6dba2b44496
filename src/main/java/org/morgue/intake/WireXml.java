package org.morgue.intake;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads wire documents as XML, safely, and finds its way about them.
 *
 * <p>
 * The document is read with StAX with DTDs off: a {@code DOCTYPE} line is passed over
 * without its declarations being read or its DTD being fetched, so no entity can be
 * declared. An external entity (XXE) is never read and an entity bomb never expands: both
 * are refused as references to undeclared entities. The events are built into a DOM,
 * namespace-aware, without comments and processing instructions.
 *
 * <p>
 * Elements are found by local name whatever their namespace, because the same NITF
 * arrives with the NITF namespace, with none, and inside NewsML-G2's. Stateless and
 * thread-safe.
 */
final class WireXml {

	private WireXml() {
	}

	/**
	 * The document's root element.
	 * @throws InvalidWireDocumentException when the text is not well-formed XML, naming
	 * the line and column
	 */
	static Element parse(String text) {
		Document document = newDocument();
		try {
			XMLStreamReader reader = inputFactory().createXMLStreamReader(new StringReader(text));
			try {
				build(reader, document);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw notWellFormed(ex);
		}
		return document.getDocumentElement();
	}

	private static void build(XMLStreamReader reader, Document document) throws XMLStreamException {
		Node current = document;
		StringBuilder text = new StringBuilder();
		while (reader.hasNext()) {
			int event = reader.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> {
					flush(text, current, document);
					Element element = document.createElementNS(emptyToNull(reader.getNamespaceURI()),
							qualified(reader.getPrefix(), reader.getLocalName()));
					for (int i = 0; i < reader.getNamespaceCount(); i++) {
						String prefix = reader.getNamespacePrefix(i);
						element.setAttributeNS(
								XMLConstants.XMLNS_ATTRIBUTE_NS_URI, (prefix == null || prefix.isEmpty())
										? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix,
								reader.getNamespaceURI(i));
					}
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)),
								qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
								reader.getAttributeValue(i));
					}
					current.appendChild(element);
					current = element;
				}
				case XMLStreamConstants.END_ELEMENT -> {
					flush(text, current, document);
					current = current.getParentNode();
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (current != document) {
						text.append(reader.getText());
					}
				}
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
						"The entity \"" + reader.getLocalName() + "\" is not declared.", reader.getLocation());
				default -> {
					// comments, processing instructions and the DOCTYPE line carry no
					// story
				}
			}
		}
	}

	private static void flush(StringBuilder text, Node parent, Document document) {
		if (!text.isEmpty()) {
			parent.appendChild(document.createTextNode(text.toString()));
			text.setLength(0);
		}
	}

	private static InvalidWireDocumentException notWellFormed(XMLStreamException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		// The JDK's message repeats the position ahead of the reason: keep the reason.
		int reason = message.indexOf("Message: ");
		String why = ((reason >= 0) ? message.substring(reason + "Message: ".length()) : message).strip();
		String where = (ex.getLocation() != null)
				? " (line " + ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber() + ")"
				: "";
		return new InvalidWireDocumentException(
				"The document is not well-formed XML" + where + (why.isEmpty() ? "." : ": " + why));
	}

	/** The element's child elements of that local name, in order. */
	static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	/** The element's child elements, in order; none of {@code null}. */
	static List<Element> children(Element parent) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				found.add(element);
			}
		}
		return found;
	}

	/**
	 * The first element down the path of local names from {@code parent}, or
	 * {@code null}.
	 */
	static Element child(Element parent, String... path) {
		Element current = parent;
		for (String name : path) {
			List<Element> next = children(current, name);
			if (next.isEmpty()) {
				return null;
			}
			current = next.get(0);
		}
		return current;
	}

	/**
	 * The first element of that local name anywhere below {@code parent}, depth first, or
	 * {@code null}.
	 */
	static Element descendant(Element parent, String localName) {
		if (parent == null) {
			return null;
		}
		for (Element element : children(parent)) {
			if (localName.equals(element.getLocalName())) {
				return element;
			}
			Element below = descendant(element, localName);
			if (below != null) {
				return below;
			}
		}
		return null;
	}

	/** The element's text, whitespace collapsed; {@code null} when there is none. */
	static String text(Element element) {
		return (element != null) ? StoryText.collapse(element.getTextContent()) : null;
	}

	/**
	 * The value of an attribute without namespace, stripped; {@code null} when it is
	 * absent or blank.
	 */
	static String attribute(Element element, String name) {
		if (element == null || !element.hasAttribute(name)) {
			return null;
		}
		return StoryText.collapse(element.getAttribute(name));
	}

	/**
	 * The {@code xml:lang} of the element or its nearest ancestor that has one, or
	 * {@code null}.
	 */
	static String language(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			String lang = ownLanguage(e);
			if (lang != null) {
				return lang;
			}
		}
		return null;
	}

	/** The element's own {@code xml:lang}, or {@code null}. */
	static String ownLanguage(Element element) {
		String lang = element.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
		return (lang == null || lang.isBlank()) ? null : lang.strip();
	}

	/**
	 * The element as an XML document of its own, with the namespaces it uses declared.
	 */
	static String serialise(Element element) {
		try {
			TransformerFactory factory = TransformerFactory.newDefaultInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(element), new StreamResult(out));
			return out.toString();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("An element read from XML could not be written as XML", ex);
		}
	}

	private static Document newDocument() {
		try {
			return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's DOM is not available", ex);
		}
	}

	private static String qualified(String prefix, String localName) {
		return (prefix == null || prefix.isEmpty()) ? localName : prefix + ":" + localName;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A factory of its own for each document: the JDK's factories do not promise to be
	 * safe for use by several threads at once.
	 */
	static XMLInputFactory inputFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("The document refers to " + systemId + ", which is not read.");
		});
		return factory;
	}

}
