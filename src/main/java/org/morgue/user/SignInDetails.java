package org.morgue.user;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Where a password came from: the client's address ({@code request.getRemoteAddr()},
 * which is the proxy's {@code X-Forwarded-For} only when
 * {@code server.forward-headers-strategy} says a proxy is there) and whether by the
 * sign-in form or HTTP Basic.
 */
class SignInDetails extends WebAuthenticationDetails {

	private static final long serialVersionUID = 1L;

	private final String channel;

	SignInDetails(HttpServletRequest request, String channel) {
		super(request);
		this.channel = channel;
	}

	String getChannel() {
		return channel;
	}

}
