package org.morgue.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.lucene.search.FieldDoc;

/**
 * Where a page ended, as an opaque string: the sort values of its last hit, which end in
 * the article id, so the next page starts right after it however the index has changed
 * meanwhile.
 */
final class SearchCursor {

	private SearchCursor() {
	}

	static String encode(FieldDoc last, SearchSort order) {
		StringBuilder text = new StringBuilder(order.name());
		for (Object value : last.fields) {
			text.append('|').append(value);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return {@code null} for no cursor (the first page)
	 * @throws InvalidQueryException when it is not a cursor of a search in this order
	 */
	static FieldDoc decode(String cursor, SearchSort order) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
				.split("\\|");
			if (!parts[0].equals(order.name())) {
				throw new InvalidQueryException("cursor",
						"This cursor belongs to a search in another order; start again without it.");
			}
			Object[] fields = new Object[parts.length - 1];
			for (int i = 1; i < parts.length; i++) {
				boolean score = order == SearchSort.RELEVANCE && i == 1;
				fields[i - 1] = score ? (Object) Float.parseFloat(parts[i]) : (Object) Long.parseLong(parts[i]);
			}
			int expected = (order == SearchSort.RELEVANCE) ? 3 : 2;
			if (fields.length != expected) {
				throw new IllegalArgumentException("wrong number of values");
			}
			return new FieldDoc(Integer.MAX_VALUE, Float.NaN, fields);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidQueryException("cursor",
					"The cursor is not one this archive gave out; start again without it.");
		}
	}

}
