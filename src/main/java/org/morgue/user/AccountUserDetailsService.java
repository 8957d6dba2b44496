package org.morgue.user;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks users up for form login and HTTP Basic.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	AccountUserDetailsService(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return toUserDetails(account);
	}

	static UserDetails toUserDetails(UserAccount account) {
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.authorities(List.of(new SimpleGrantedAuthority(account.getRole().authority())))
			.disabled(!account.isEnabled())
			.build();
	}

}
