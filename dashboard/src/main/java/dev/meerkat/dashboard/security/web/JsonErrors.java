package dev.meerkat.dashboard.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's refusals as JSON {@code {"message": ...}}: 401 without (valid) credentials, 403 when
 * the user's role does not allow the call. Messages are fixed texts, never the presented token.
 */
public final class JsonErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String SIGN_IN =
      "Authentication required: send 'Authorization: Bearer <API token>' (tokens are listed in the"
          + " users file, see docs/security.md)";
  static final String FORBIDDEN = "Your role does not allow this call; it needs the editor role";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(response, HttpServletResponse.SC_UNAUTHORIZED, SIGN_IN);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
  }

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"meerkat\"");
    }
    // The messages are constants of this package without quotes or backslashes.
    response.getWriter().write("{\"message\":\"" + message + "\"}");
  }
}
