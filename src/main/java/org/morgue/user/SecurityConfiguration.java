package org.morgue.user;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Nothing is readable anonymously. Pages sign in with a form and a
 * session; the API takes HTTP Basic, personal tokens, or the session of a signed-in page.
 * Roles form a ladder READER &lt; EDITOR &lt; ADMIN, and each controller method states
 * the least role it needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Passwords (HTTP Basic, the sign-in form) checked against PostgreSQL's users, each
	 * hashed once and then remembered for a while by a keyed hash, so that a client
	 * signing every request does not pay BCrypt every time.
	 */
	@Bean
	VerifiedCredentialsAuthenticationProvider passwordAuthentication(AccountUserDetailsService users,
			PasswordEncoder encoder, SecurityProperties properties, Optional<Clock> clock, SignInThrottle throttle,
			SignInAudit audit) {
		return new VerifiedCredentialsAuthenticationProvider(users, encoder, properties,
				clock.orElse(Clock.systemUTC()), throttle, audit);
	}

	/** Slows down repeated wrong passwords; this node's memory only. */
	@Bean
	SignInThrottle signInThrottle(SignInProperties properties) {
		return new SignInThrottle(properties);
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.EDITOR.name())
			.role(Role.EDITOR.name())
			.implies(Role.READER.name())
			.build();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.securityMatcher("/api/**", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.realmName("Morgue")
				.authenticationEntryPoint(problems)
				.authenticationDetailsSource(SecurityConfiguration::basicDetails))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			// Token and Basic clients cannot be tricked into sending credentials
			// cross-site; a page's
			// own calls ride on the session cookie and so must carry the CSRF token, in
			// its header.
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionAuthenticatedChange())
				.csrfTokenRequestHandler(new HeaderCsrfTokenHandler()))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Feeds, for feed readers: a personal token as a bearer header or, since many readers
	 * cannot send headers, as {@code ?token=}; no session, no form, 401 without a valid
	 * token.
	 */
	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain feedSecurity(HttpSecurity http, ApiTokenService tokens) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.securityMatcher("/feeds/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenAuthenticationFilter(tokens, true), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.realmName("Morgue")
				.authenticationEntryPoint(problems)
				.authenticationDetailsSource(SecurityConfiguration::basicDetails))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Feeds are only read (GET), and never with a session cookie.
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(3)
	@ConditionalOnWebApplication
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.addFilterBefore(new SignedInUploadsFilter(), CsrfFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.permitAll()
				.authenticationDetailsSource((request) -> new SignInDetails(request, "form"))
				.failureHandler(SecurityConfiguration::signInFailed))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	private static SignInDetails basicDetails(HttpServletRequest request) {
		return new SignInDetails(request, "basic");
	}

	/**
	 * Back to the sign-in page: with how long to wait when the attempt was throttled,
	 * else with the usual "do not match".
	 */
	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String target = (exception instanceof SignInThrottledException throttled)
				? "/login?wait=" + throttled.retryAfterSeconds() : "/login?error";
		response.sendRedirect(request.getContextPath() + target);
	}

	private static RequestMatcher sessionAuthenticatedChange() {
		return request -> !SAFE_METHODS.contains(request.getMethod())
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null;
	}

}
