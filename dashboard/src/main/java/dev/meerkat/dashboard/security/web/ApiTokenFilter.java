package dev.meerkat.dashboard.security.web;

import dev.meerkat.dashboard.security.domain.SignInThrottle;
import dev.meerkat.dashboard.security.domain.UserAccount;
import dev.meerkat.dashboard.security.domain.Users;
import dev.meerkat.dashboard.security.service.RoleAuthorities;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: a known token signs the request in as its user
 * with the user's roles, for this request only (no session). An unknown token is refused with 401
 * and counted against the remote address, which {@link SignInThrottle} locks like password guesses
 * (then 429). Without the header the request goes on unauthenticated, and the rules of the filter
 * chain decide (401 where a user is required).
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

  static final String INVALID = "Invalid API token";
  static final String LOCKED = "Too many invalid API tokens from this address; try again later";
  private static final String BEARER = "Bearer ";

  private final Users users;
  private final SignInThrottle throttle;

  public ApiTokenFilter(Users users, SignInThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> locked = throttle.lockedFor("", address);
    if (locked.isPresent()) {
      response.setHeader("Retry-After", Long.toString(locked.get().toSeconds() + 1));
      JsonErrors.write(response, 429, LOCKED);
      return;
    }
    Optional<UserAccount> user = users.findByToken(header.substring(BEARER.length()).strip());
    if (user.isEmpty()) {
      throttle.failed("", address);
      JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, INVALID);
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get().name(), null, RoleAuthorities.of(user.get().role())));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
