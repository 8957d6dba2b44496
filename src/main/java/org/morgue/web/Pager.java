package org.morgue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Where a paged list stands and the links to its other pages, for the one pager every
 * paged page shows ({@code fragments :: pager}): First, Previous, the page numbers or
 * "Page n of m", Next and Last. The links come from the list, so that each keeps the
 * list's filters.
 *
 * @param page the page shown, counting from 1; it may lie past the last (a typed or stale
 * address)
 * @param pages how many pages can be shown, at least 1
 * @param link the address of a page of this list, by number
 * @param numbered whether the page numbers are shown (near the current page, with gaps),
 * rather than "Page n of m"
 */
record Pager(int page, int pages, IntFunction<String> link, boolean numbered) {

	/** Page numbers shown either side of the current one. */
	static final int REACH = 2;

	Pager {
		pages = Math.max(1, pages);
	}

	/** A list shown as "Page n of m". */
	static Pager of(int page, long pages, IntFunction<String> link) {
		return new Pager(page, clamp(pages), link, false);
	}

	/** A list of which the pager shows the page numbers near the current one. */
	static Pager numbered(int page, long pages, IntFunction<String> link) {
		return new Pager(page, clamp(pages), link, true);
	}

	/**
	 * A list paged by {@code ?page=} at {@code path} alone; its first page is
	 * {@code path} itself.
	 * @param path the list's address, already encoded
	 */
	static Pager at(String path, int page, long pages) {
		return of(page, pages, number -> (number > 1) ? path + "?page=" + number : path);
	}

	/**
	 * How many pages {@code total} items fill, {@code size} to a page: at least one, if
	 * empty.
	 */
	static long pages(long total, int size) {
		return Math.max(1, (total + size - 1) / size);
	}

	/** Whether there is more than one page, so anything to show. */
	public boolean shown() {
		return pages > 1;
	}

	/** The first page, or {@code null} on it. */
	public String first() {
		return (page != 1) ? link.apply(1) : null;
	}

	/**
	 * The page before this one, or {@code null} on the first or when the one before does
	 * not exist.
	 */
	public String previous() {
		return (page > 1 && page - 1 <= pages) ? link.apply(page - 1) : null;
	}

	/** The page after this one, or {@code null} on the last. */
	public String next() {
		return (page < pages) ? link.apply(page + 1) : null;
	}

	/** The last page that can be shown, or {@code null} on it. */
	public String last() {
		return (page != pages) ? link.apply(pages) : null;
	}

	/**
	 * The first and the last page and those within {@link #REACH} of the current one, in
	 * order, with a gap where numbers are left out; a gap never stands for a single
	 * number, which is shown instead. Empty unless the list is {@link #numbered()}.
	 */
	public List<PageLink> numbers() {
		if (!numbered || !shown()) {
			return List.of();
		}
		TreeSet<Integer> shown = new TreeSet<>(List.of(1, pages));
		for (int number = Math.max(1, page - REACH); number <= Math.min(pages, page + REACH); number++) {
			shown.add(number);
		}
		List<PageLink> links = new ArrayList<>();
		int previous = 0;
		for (int number : shown) {
			if (number - previous == 2) {
				links.add(pageLink(number - 1));
			}
			else if (number - previous > 2) {
				links.add(PageLink.GAP);
			}
			links.add(pageLink(number));
			previous = number;
		}
		return links;
	}

	private PageLink pageLink(int number) {
		return new PageLink(number, link.apply(number), number == page);
	}

	private static int clamp(long pages) {
		return (int) Math.min(Integer.MAX_VALUE, pages);
	}

	/**
	 * A numbered page link, or a gap in the numbers when {@code number} is {@code null}.
	 */
	record PageLink(Integer number, String link, boolean current) {

		static final PageLink GAP = new PageLink(null, null, false);

		public boolean gap() {
			return number == null;
		}

	}

}
