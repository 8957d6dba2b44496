package org.morgue.user;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks users up for form login and HTTP Basic.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One select, outside a transaction of its own: HTTP Basic reads the user on every
	 * request.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("""
				select username, password_hash, role, enabled from app_user
				where lower(username) = lower(:name) and username = :name""")
			.param("name", username)
			.query((rs, row) -> userDetails(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
					rs.getBoolean(4)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	static UserDetails userDetails(String username, String passwordHash, Role role, boolean enabled) {
		return User.withUsername(username)
			.password(passwordHash)
			.authorities(List.of(new SimpleGrantedAuthority(role.authority())))
			.disabled(!enabled)
			.build();
	}

}
