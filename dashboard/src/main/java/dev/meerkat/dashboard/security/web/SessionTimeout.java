package dev.meerkat.dashboard.security.web;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;

/**
 * Signs a user out after this much inactivity: every new HTTP session gets it as its max inactive
 * interval. (Vaadin's heartbeats would keep an open tab's session alive for ever, which is why
 * {@code vaadin.closeIdleSessions=true} is set as well.)
 */
public final class SessionTimeout implements HttpSessionListener {

  private final Duration timeout;

  public SessionTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    event
        .getSession()
        .setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }
}
