package org.morgue.annotation;

import java.util.Locale;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A note's Markdown as HTML that is safe to put in a page as it is: raw HTML in the note
 * is shown as text, links go only to http, https and mailto addresses (others lose their
 * address) and carry {@code rel="nofollow noopener"}, and images become links, so that a
 * note loads nothing.
 */
public final class NoteMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new WebLinksOnly())
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link) {
				if (attributes.getOrDefault("href", "").isEmpty()) {
					attributes.remove("href");
				}
				attributes.put("rel", "nofollow noopener");
			}
		})
		.build();

	private NoteMarkdown() {
	}

	/** The note as safe HTML. */
	public static String html(String markdown) {
		Node document = PARSER.parse((markdown != null) ? markdown : "");
		document.accept(new ImagesAsLinks());
		return RENDERER.render(document);
	}

	/**
	 * Only web and mail addresses; anything else (javascript:, data:, relative paths)
	 * becomes empty.
	 */
	private static final class WebLinksOnly implements UrlSanitizer {

		@Override
		public String sanitizeLinkUrl(String url) {
			String plain = url.strip().toLowerCase(Locale.ROOT);
			return (plain.startsWith("http://") || plain.startsWith("https://") || plain.startsWith("mailto:"))
					? url.strip() : "";
		}

		@Override
		public String sanitizeImageUrl(String url) {
			return "";
		}

	}

	private static final class ImagesAsLinks extends AbstractVisitor {

		@Override
		public void visit(Image image) {
			Link link = new Link(image.getDestination(), image.getTitle());
			Node child = image.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				link.appendChild(child);
				child = next;
			}
			image.insertAfter(link);
			image.unlink();
			visitChildren(link);
		}

	}

}
