package dev.meerkat.dashboard.security.web;

import dev.meerkat.dashboard.security.domain.SignInThrottle;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check behind {@link SignInThrottle}: a locked user name or address is refused before
 * the (slow, bcrypt) check; every failure is counted, a success clears the user's count.
 */
public final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;

  public ThrottledAuthenticationProvider(
      AuthenticationProvider passwords, SignInThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String user = attempt.getName();
    String address = remoteAddress(attempt);
    Optional<Duration> locked = throttle.lockedFor(user, address);
    if (locked.isPresent()) {
      throw new SignInLockedException(locked.get());
    }
    try {
      Authentication result = passwords.authenticate(attempt);
      throttle.succeeded(user);
      return result;
    } catch (AuthenticationException e) {
      throttle.failed(user, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  static String remoteAddress(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }
}
