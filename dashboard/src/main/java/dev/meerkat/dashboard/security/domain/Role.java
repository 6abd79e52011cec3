package dev.meerkat.dashboard.security.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in user may do. Each role includes the ones before it: an editor is also a viewer,
 * an admin also an editor.
 */
public enum Role {
  /** Reads everything. */
  VIEWER,
  /** Also creates, changes and deletes SLOs, rules, channels, silences and routes. */
  EDITOR,
  /** Also sees the audit log, users and settings. */
  ADMIN;

  /** The role names as written in the users file: {@code viewer}, {@code editor}, {@code admin}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role and every role it includes, lowest first. */
  public List<Role> included() {
    List<Role> roles = new ArrayList<>();
    for (Role role : values()) {
      if (role.ordinal() <= ordinal()) {
        roles.add(role);
      }
    }
    return roles;
  }

  /** The role named {@code text} (any case), if it is one. */
  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.fileName().equalsIgnoreCase(text.strip())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
