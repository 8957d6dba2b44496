package org.morgue.user;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in with a personal token sent as
 * {@code Authorization: Bearer mrg_...}, and, where feed readers that cannot send headers
 * come (feeds only: a token in a URL ends up in logs), as {@code ?token=mrg_...}. An
 * unknown or revoked token is refused outright rather than treated as anonymous.
 */
class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private static final String TOKEN_PARAMETER = "token";

	private final ApiTokenService tokens;

	private final boolean tokenParameter;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenAuthenticationFilter(ApiTokenService tokens) {
		this(tokens, false);
	}

	/**
	 * @param tokenParameter whether to take the token from a {@code token} query
	 * parameter too
	 */
	BearerTokenAuthenticationFilter(ApiTokenService tokens, boolean tokenParameter) {
		this.tokens = tokens;
		this.tokenParameter = tokenParameter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String secret;
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			secret = header.substring(BEARER.length()).strip();
		}
		else if (tokenParameter && header == null && request.getParameter(TOKEN_PARAMETER) != null) {
			secret = request.getParameter(TOKEN_PARAMETER).strip();
		}
		else {
			chain.doFilter(request, response);
			return;
		}
		UserDetails user = tokens.authenticate(secret, request.getRemoteAddr()).orElse(null);
		if (user == null) {
			response.setHeader("WWW-Authenticate", ProblemResponses.CHALLENGE);
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "Invalid token",
					"The API token is unknown, revoked, or belongs to a disabled user.");
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities()));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}

}
