package org.morgue.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pager's links and its window of page numbers: the first and last page, those near
 * the current one, and gaps for what lies between.
 */
class PagerTests {

	@Test
	void aMiddlePageLinksToTheFirstPreviousNextAndLast() {
		Pager pager = Pager.of(5, 9, PagerTests::link);

		assertThat(pager.shown()).isTrue();
		assertThat(pager.first()).isEqualTo("/list?filter=x");
		assertThat(pager.previous()).isEqualTo("/list?filter=x&page=4");
		assertThat(pager.next()).isEqualTo("/list?filter=x&page=6");
		assertThat(pager.last()).isEqualTo("/list?filter=x&page=9");
	}

	@Test
	void theFirstPageHasNoFirstOrPreviousAndTheLastNoNextOrLast() {
		Pager first = Pager.of(1, 3, PagerTests::link);
		Pager last = Pager.of(3, 3, PagerTests::link);

		assertThat(first.first()).isNull();
		assertThat(first.previous()).isNull();
		assertThat(first.next()).isEqualTo("/list?filter=x&page=2");
		assertThat(first.last()).isEqualTo("/list?filter=x&page=3");
		assertThat(last.first()).isEqualTo("/list?filter=x");
		assertThat(last.previous()).isEqualTo("/list?filter=x&page=2");
		assertThat(last.next()).isNull();
		assertThat(last.last()).isNull();
	}

	@Test
	void aPagePastTheLastLeadsBackToTheFirstAndTheLastButToNoPageThatIsNotThere() {
		Pager pager = Pager.of(7, 3, PagerTests::link);

		assertThat(pager.first()).isEqualTo("/list?filter=x");
		assertThat(pager.previous()).isNull();
		assertThat(pager.next()).isNull();
		assertThat(pager.last()).isEqualTo("/list?filter=x&page=3");
	}

	@Test
	void aSinglePageShowsNoPager() {
		assertThat(Pager.of(1, 1, PagerTests::link).shown()).isFalse();
		assertThat(Pager.of(1, 0, PagerTests::link).pages()).isEqualTo(1);
		assertThat(Pager.numbered(1, 1, PagerTests::link).numbers()).isEmpty();
	}

	@Test
	void numbersNearTheCurrentPageWithGapsToTheFirstAndTheLast() {
		assertThat(numbers(Pager.numbered(10, 20, PagerTests::link))).containsExactly("1", "…", "8", "9", "[10]", "11",
				"12", "…", "20");
	}

	@Test
	void aGapNeverStandsForASingleNumber() {
		// 2 and 8 are shown where a gap would hide only them
		assertThat(numbers(Pager.numbered(5, 9, PagerTests::link))).containsExactly("1", "2", "3", "4", "[5]", "6", "7",
				"8", "9");
		assertThat(numbers(Pager.numbered(5, 10, PagerTests::link))).containsExactly("1", "2", "3", "4", "[5]", "6",
				"7", "…", "10");
	}

	@Test
	void numbersAtTheEdges() {
		assertThat(numbers(Pager.numbered(1, 8, PagerTests::link))).containsExactly("[1]", "2", "3", "…", "8");
		assertThat(numbers(Pager.numbered(8, 8, PagerTests::link))).containsExactly("1", "…", "6", "7", "[8]");
		assertThat(numbers(Pager.numbered(2, 3, PagerTests::link))).containsExactly("1", "[2]", "3");
		// past the last page: the numbers there are, none current
		assertThat(numbers(Pager.numbered(9, 2, PagerTests::link))).containsExactly("1", "2");
	}

	@Test
	void eachNumberLinksToItsPage() {
		List<Pager.PageLink> numbers = Pager.numbered(3, 5, PagerTests::link).numbers();

		assertThat(numbers).extracting(Pager.PageLink::link)
			.containsExactly("/list?filter=x", "/list?filter=x&page=2", "/list?filter=x&page=3",
					"/list?filter=x&page=4", "/list?filter=x&page=5");
		assertThat(numbers).filteredOn(Pager.PageLink::current).extracting(Pager.PageLink::number).containsExactly(3);
	}

	@Test
	void aListAtItsOwnAddressHasItAsItsFirstPage() {
		Pager pager = Pager.at("/sources/Le%20Monde", 2, 3);

		assertThat(pager.first()).isEqualTo("/sources/Le%20Monde");
		assertThat(pager.previous()).isEqualTo("/sources/Le%20Monde");
		assertThat(pager.next()).isEqualTo("/sources/Le%20Monde?page=3");
		assertThat(pager.numbered()).isFalse();
		assertThat(pager.numbers()).isEmpty();
	}

	@Test
	void pagesCountsPartPagesAndAnEmptyListAsOne() {
		assertThat(Pager.pages(0, 50)).isEqualTo(1);
		assertThat(Pager.pages(50, 50)).isEqualTo(1);
		assertThat(Pager.pages(51, 50)).isEqualTo(2);
	}

	private static String link(int page) {
		return (page > 1) ? "/list?filter=x&page=" + page : "/list?filter=x";
	}

	/**
	 * The numbers as a reader sees them: the current one in brackets, a gap as an
	 * ellipsis.
	 */
	private static List<String> numbers(Pager pager) {
		return pager.numbers()
			.stream()
			.map(number -> number.gap() ? "…"
					: number.current() ? "[" + number.number() + "]" : number.number().toString())
			.toList();
	}

}
