package org.morgue.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.morgue.system.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.ResolvableType;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says in words a client can act on why a {@link JsonRequest} body could not be bound,
 * from what Jackson reports: the field at fault by its path ({@code title},
 * {@code target.selector.start}) and what it must be, taken from the record component it
 * binds to.
 */
final class RequestBodyErrors {

	private RequestBodyErrors() {
	}

	/** The invalid input behind a body Spring MVC could not read. */
	static InvalidInputException explain(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException invalid) {
				// A record refused what it was given, in its own words.
				return invalid;
			}
		}
		if (ex.getCause() instanceof JacksonException jackson) {
			return explain(jackson);
		}
		return new InvalidRequestException("body", "The request body could not be read.");
	}

	private static InvalidInputException explain(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			Set<String> fields = new TreeSet<>();
			unknown.getKnownPropertyIds().forEach(id -> fields.add(String.valueOf(id)));
			return new InvalidRequestException(path(ex), "Unknown field '" + unknown.getPropertyName()
					+ "'. The fields are: " + String.join(", ", fields) + ".");
		}
		JacksonException.Reference property = lastProperty(ex);
		if (ex instanceof NulRefusingStrings.NulCharacterException) {
			String field = path(ex);
			return new InvalidRequestException(field, "'" + ((property != null) ? property.getPropertyName() : field)
					+ "' contains a NUL character (\\u0000), which no field takes.");
		}
		if (property != null && (ex instanceof MismatchedInputException || ex instanceof InputCoercionException)) {
			return new InvalidRequestException(path(ex),
					"'" + property.getPropertyName() + "' must be " + expected(property) + ".");
		}
		if (property == null && ex instanceof MismatchedInputException mismatch) {
			if (mismatch.getCurrentToken() == null) {
				return new InvalidRequestException("body", empty(mismatch.getTargetType()));
			}
			if (mismatch.getCurrentToken() != JsonToken.START_OBJECT) {
				return new InvalidRequestException("body", notAnObject(mismatch.getTargetType()));
			}
			// An object was read, and something follows it.
			return new InvalidRequestException("body",
					"The request is not valid JSON: there is more after the object" + where(ex) + ".");
		}
		if (ex instanceof StreamReadException) {
			return new InvalidRequestException("body",
					"The request is not valid JSON: " + ex.getOriginalMessage() + where(ex) + ".");
		}
		// A record that could not be built for a reason of its own: not worded for a
		// client, so not repeated.
		if (property != null) {
			return new InvalidRequestException(path(ex), "'" + property.getPropertyName() + "' could not be read.");
		}
		return new InvalidRequestException("body", "The request body could not be read.");
	}

	/**
	 * The message for a body that is JSON but not an object (an array, a string, null,
	 * ...).
	 */
	static String notAnObject(Class<?> type) {
		return "The request must be a JSON object of fields: " + fields(type) + ".";
	}

	/** The message for a body with nothing in it. */
	static String empty(Class<?> type) {
		return "The request has no body: send a JSON object of fields: " + fields(type) + ".";
	}

	private static String fields(Class<?> type) {
		if (type == null || !type.isRecord()) {
			return "see the API description";
		}
		return Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getName)
			.sorted()
			.collect(Collectors.joining(", "));
	}

	/**
	 * The names from the object down to the field at fault, such as
	 * {@code target.selector.start}.
	 */
	private static String path(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(JacksonException.Reference::getPropertyName)
			.filter(Objects::nonNull)
			.collect(Collectors.joining("."));
		return path.isEmpty() ? "body" : path;
	}

	private static JacksonException.Reference lastProperty(JacksonException ex) {
		JacksonException.Reference last = null;
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				last = reference;
			}
		}
		return last;
	}

	/**
	 * What the record component a property binds to takes, in words: "a string", "a list
	 * of strings".
	 */
	private static String expected(JacksonException.Reference property) {
		Object from = property.from();
		Class<?> owner = (from instanceof Class<?> type) ? type : (from != null) ? from.getClass() : null;
		RecordComponent component = (owner != null && owner.isRecord()) ? Arrays.stream(owner.getRecordComponents())
			.filter(c -> c.getName().equals(property.getPropertyName()))
			.findFirst()
			.orElse(null) : null;
		if (component == null) {
			return "of another kind";
		}
		ResolvableType type = ResolvableType.forType(component.getGenericType());
		if (!Collection.class.isAssignableFrom(type.toClass())) {
			return kind(type.toClass(), false);
		}
		Class<?> element = type.asCollection().getGeneric(0).toClass();
		String list = "a list of " + kind(element, true);
		JsonFormat format = component.getAccessor().getAnnotation(JsonFormat.class);
		boolean single = format != null
				&& Arrays.asList(format.with()).contains(JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
		return single ? kind(element, false) + " or " + list : list;
	}

	private static String kind(Class<?> type, boolean plural) {
		if (type == String.class || type == PatchValue.class) {
			return plural ? "strings" : "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return plural ? "true or false values" : "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return plural ? "whole numbers" : "a whole number";
		}
		return plural ? "objects" : "an object";
	}

	private static String where(JacksonException ex) {
		TokenStreamLocation at = ex.getLocation();
		if (at == null || at.getLineNr() < 1) {
			return "";
		}
		return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
	}

}
