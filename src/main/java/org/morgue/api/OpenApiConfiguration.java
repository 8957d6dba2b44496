package org.morgue.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Describes the API at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}, both
 * served by the archive itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/**
	 * The extension of a request body's media type that gives its size limit in bytes.
	 */
	static final String MAX_BYTES = "x-max-bytes";

	static {
		// A merge-patch field is a string (or null) on the wire, whatever it is bound to.
		SpringDocUtils.getConfig().replaceWithSchema(PatchValue.class, new StringSchema());
	}

	@Bean
	OpenAPI morgueOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Morgue API")
				.version("v1")
				.description("A self-hosted news-article archive. Errors are RFC 9457 problem details.")
				.license(new License().name("GPL-3.0-or-later").url("https://www.gnu.org/licenses/gpl-3.0.html")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal API token")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	/**
	 * Gives each request body the limit its handler declares ({@link BodyLimit}) as
	 * {@value #MAX_BYTES} of the media types the handler takes: one path and method may
	 * have a handler per media type.
	 */
	@Bean
	OperationCustomizer bodyLimits(BodyLimitAdvice limits) {
		return (operation, handler) -> {
			BodyLimit declared = handler.getMethodAnnotation(BodyLimit.class);
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
					RequestMapping.class);
			Content content = (operation.getRequestBody() != null) ? operation.getRequestBody().getContent() : null;
			if (declared != null && mapping != null && content != null) {
				for (String consumed : mapping.consumes()) {
					if (content.get(consumed) != null) {
						content.get(consumed).addExtension(MAX_BYTES, limits.limit(declared));
					}
				}
			}
			return operation;
		};
	}

}
