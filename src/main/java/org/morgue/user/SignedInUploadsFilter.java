package org.morgue.user;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload from someone not signed in before its body is read. The CSRF check
 * reads the token from the form, which makes the server take in the whole upload (up to
 * the multipart limit, gigabytes for back issues) before anyone is asked who they are.
 */
class SignedInUploadsFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
				&& !signedIn()) {
			// Answer now and close the connection, rather than drain the upload first.
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setHeader("Connection", "close");
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("Sign in before uploading.\n");
			response.flushBuffer();
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
