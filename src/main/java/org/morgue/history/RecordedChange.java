package org.morgue.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An editorial change as the history recorded it.
 *
 * @param kind what was done, e.g. {@code article.metadata} or {@code entity.renamed}
 * @param subject what it was done to, in words
 * @param articleCount how many articles it touched
 * @param before the state before as read back from JSON (a map, list, string, number), or
 * {@code null} when something was created
 * @param after the state after, or {@code null} when something was removed
 */
public record RecordedChange(long id, Instant time, String actor, String kind, String subject, long articleCount,
		Object before, Object after) {

	/**
	 * What changed, field by field when before and after are maps (fields whose value
	 * stayed the same left out), else one line with an empty field name.
	 */
	public List<FieldChange> fields() {
		if ((before == null || before instanceof Map) && (after == null || after instanceof Map)
				&& (before != null || after != null)) {
			Map<?, ?> old = (before != null) ? (Map<?, ?>) before : Map.of();
			Map<?, ?> now = (after != null) ? (Map<?, ?>) after : Map.of();
			Set<Object> keys = new LinkedHashSet<>(old.keySet());
			keys.addAll(now.keySet());
			List<FieldChange> fields = new ArrayList<>();
			for (Object key : keys) {
				Object was = old.get(key);
				Object is = now.get(key);
				if (before == null || after == null || !Objects.equals(was, is)) {
					fields.add(new FieldChange(String.valueOf(key), text(was), text(is)));
				}
			}
			return fields;
		}
		return List.of(new FieldChange("", text(before), text(after)));
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	/**
	 * One field of a change, as text.
	 *
	 * @param field the field's name, empty when the value has no fields
	 * @param before the value before, {@code null} for none
	 * @param after the value after, {@code null} for none
	 */
	public record FieldChange(String field, String before, String after) {
	}

}
