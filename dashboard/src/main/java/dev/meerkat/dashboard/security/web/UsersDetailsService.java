package dev.meerkat.dashboard.security.web;

import dev.meerkat.dashboard.security.domain.UserAccount;
import dev.meerkat.dashboard.security.domain.Users;
import dev.meerkat.dashboard.security.service.RoleAuthorities;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The users of the users file (and the demo user) for Spring Security's password check. */
public final class UsersDetailsService implements UserDetailsService {

  private final Users users;

  public UsersDetailsService(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount account =
        users.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return User.withUsername(account.name())
        .password(account.passwordHash())
        .authorities(RoleAuthorities.of(account.role()))
        .build();
  }
}
