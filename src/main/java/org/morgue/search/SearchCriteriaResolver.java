package org.morgue.search;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every handler that takes a {@link SearchCriteria} the search of its request's
 * parameters (the address, or a form's fields), read by
 * {@link SearchCriteria#fromParameters}: one reading for the API, the pages and the
 * forms. Unlike Spring's data binding it takes nothing from path variables or headers,
 * where {@code /tags/{tag}/articles} or a {@code From} header would otherwise pass for a
 * filter.
 */
@Configuration(proxyBeanMethods = false)
class SearchCriteriaResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == SearchCriteria.class;
	}

	@Override
	public SearchCriteria resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		return SearchCriteria.fromParameters(request::getParameterValues);
	}

}
