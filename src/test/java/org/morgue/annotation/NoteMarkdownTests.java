package org.morgue.annotation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A note's Markdown as HTML: formatted, and inert whatever the note contains.
 */
class NoteMarkdownTests {

	@Test
	void markdownIsFormatted() {
		assertThat(NoteMarkdown.html("Check the **date**.")).isEqualTo("<p>Check the <strong>date</strong>.</p>\n");
	}

	@Test
	void webLinksAreKeptWithNofollow() {
		assertThat(NoteMarkdown.html("[source](https://example.org/a?b=1)"))
			.isEqualTo("<p><a rel=\"nofollow noopener\" href=\"https://example.org/a?b=1\">source</a></p>\n");
		assertThat(NoteMarkdown.html("[desk](mailto:desk@example.org)")).contains("href=\"mailto:desk@example.org\"");
	}

	@Test
	void aScriptIsShownAsText() {
		String html = NoteMarkdown.html("Hello <script>alert('x')</script>\n\n<script>alert(1)</script>");

		assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
	}

	@Test
	void javascriptLinksLoseTheirAddress() {
		assertThat(NoteMarkdown.html("[click](javascript:alert(1))")).doesNotContain("javascript")
			.contains(">click</a>");
		assertThat(NoteMarkdown.html("[click](JaVaScRiPt:alert(1))")).doesNotContainIgnoringCase("javascript");
		assertThat(NoteMarkdown.html("<javascript:alert(1)>")).doesNotContain("href=\"javascript");
		assertThat(NoteMarkdown.html("[data](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
	}

	@Test
	void imagesAndEventHandlersAreInert() {
		String html = NoteMarkdown.html("<img src=x onerror=alert(1)> and ![pic](https://example.org/x.png)");

		assertThat(html).doesNotContain("<img")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("<a rel=\"nofollow noopener\" href=\"https://example.org/x.png\">pic</a>");
	}

}
