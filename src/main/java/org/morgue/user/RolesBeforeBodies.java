package org.morgue.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} role before Spring reads the request for its
 * arguments, so that a reader who sends an editor's request is refused for what it is
 * (403) rather than told what is wrong with its body (400, 413): the body of a request
 * one may not make is nobody's concern. Method security still checks again when the
 * handler runs. Only role expressions are checked here; none of the handlers' expressions
 * reads their arguments.
 */
final class RolesBeforeBodies implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

	RolesBeforeBodies(RoleHierarchy hierarchy) {
		DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
		expressions.setRoleHierarchy(hierarchy);
		roles.setExpressionHandler(expressions);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
					new SimpleMethodInvocation(method.getBean(), method.getMethod()));
			if (result != null && !result.isGranted()) {
				throw new AuthorizationDeniedException("Access Denied", result);
			}
		}
		return true;
	}

}
