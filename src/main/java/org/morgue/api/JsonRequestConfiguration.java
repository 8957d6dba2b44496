package org.morgue.api;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the API's {@link JsonRequest} bodies with a strict copy of the application's JSON
 * mapper, and every other JSON (responses, NDJSON import lines, the event publication
 * log) with the application's mapper as it is. Spring Boot's mapper ignores unknown
 * properties and Jackson turns numbers and booleans into strings, "true" into a boolean
 * and 1.5 into 1; a client of the API should hear of a misspelt field or a value of the
 * wrong type instead.
 */
@Configuration(proxyBeanMethods = false)
class JsonRequestConfiguration implements WebMvcConfigurer {

	/**
	 * {@code application/*+json}: merge patches and Web Annotations
	 * ({@code application/ld+json}).
	 */
	private static final MediaType ANY_JSON = new MediaType("application", "*+json");

	private final JsonMapper strict;

	JsonRequestConfiguration(JsonMapper json) {
		this.strict = strict(json);
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConverters(converter -> {
			if (converter instanceof JacksonJsonHttpMessageConverter jackson) {
				jackson.registerMappersForType(JsonRequest.class, mappers -> {
					mappers.put(MediaType.APPLICATION_JSON, this.strict);
					mappers.put(ANY_JSON, this.strict);
				});
			}
		});
	}

	/**
	 * The application's mapper, refusing unknown properties and coercion between JSON's
	 * scalar types (a string is not taken for a number or a boolean, nor a number or a
	 * boolean for a string, nor a fraction for a whole number), and text with a NUL
	 * character ({@link NulRefusingStrings}).
	 */
	static JsonMapper strict(JsonMapper json) {
		return json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			// ALLOW_COERCION_OF_SCALARS leaves text out: Jackson still reads 42 or true
			// as a string.
			.withCoercionConfig(LogicalType.Textual,
					text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("nul-refusing-strings").addDeserializer(String.class, new NulRefusingStrings()))
			.build();
	}

}
