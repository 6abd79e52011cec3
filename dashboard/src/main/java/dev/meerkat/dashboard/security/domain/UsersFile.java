package dev.meerkat.dashboard.security.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the users file: one entry per line, fields separated by spaces, {@code #} starts a comment.
 *
 * <pre>
 * user  alice     editor  $2y$10$...bcrypt hash...
 * token ci-deploy alice   sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * </pre>
 *
 * The first problem stops the reading with a {@link UsersFileException} naming the file, the line
 * and what to write instead: a half-read users file would lock people out without saying why.
 */
public final class UsersFile {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  // Spring's BCryptPasswordEncoder accepts these three prefixes; htpasswd -B writes $2y$.
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  private UsersFile() {}

  /** Parses {@code lines} of the file called {@code source} (used in messages only). */
  public static Users parse(String source, List<String> lines) {
    Map<String, UserAccount> users = new LinkedHashMap<>();
    Map<String, ApiToken> tokens = new LinkedHashMap<>();
    Map<String, Integer> tokenLines = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      Problem at = new Problem(source, i + 1);
      String[] fields = line.split("\\s+");
      switch (fields[0]) {
        case "user" -> {
          UserAccount user = user(fields, at);
          if (users.putIfAbsent(user.name(), user) != null) {
            throw at.error("user '" + user.name() + "' is defined twice");
          }
        }
        case "token" -> {
          ApiToken token = token(fields, at);
          if (tokens.values().stream().anyMatch(t -> t.name().equals(token.name()))) {
            throw at.error("token name '" + token.name() + "' is used twice");
          }
          if (tokens.putIfAbsent(token.sha256(), token) != null) {
            throw at.error("the same token hash appears twice");
          }
          tokenLines.put(token.sha256(), i + 1);
        }
        default ->
            throw at.error(
                "unknown entry '" + fields[0] + "'; a line starts with 'user' or 'token'");
      }
    }
    for (ApiToken token : tokens.values()) {
      if (!users.containsKey(token.user())) {
        throw new Problem(source, tokenLines.get(token.sha256()))
            .error("token '" + token.name() + "' belongs to unknown user '" + token.user() + "'");
      }
    }
    return new Users(users, tokens);
  }

  private static UserAccount user(String[] fields, Problem at) {
    if (fields.length != 4) {
      throw at.error(
          "expected 'user <name> <viewer|editor|admin> <bcrypt hash>', found "
              + fields.length
              + " fields");
    }
    String name = name(fields[1], at);
    Role role =
        Role.parse(fields[2])
            .orElseThrow(
                () -> at.error("unknown role '" + fields[2] + "'; use viewer, editor or admin"));
    if (!BCRYPT.matcher(fields[3]).matches()) {
      throw at.error(
          "the password of '"
              + name
              + "' is not a bcrypt hash ($2a$, $2b$ or $2y$ and 53 more characters);"
              + " create one with: htpasswd -nbBC 10 '' 'the password' | tr -d ':\\n'");
    }
    return new UserAccount(name, fields[3], role);
  }

  private static ApiToken token(String[] fields, Problem at) {
    if (fields.length != 4) {
      throw at.error(
          "expected 'token <token name> <user> sha256:<64 hex digits>', found "
              + fields.length
              + " fields");
    }
    String tokenName = name(fields[1], at);
    String user = name(fields[2], at);
    if (!SHA256.matcher(fields[3]).matches()) {
      throw at.error(
          "token '"
              + tokenName
              + "' must be stored as sha256:<64 lower-case hex digits>;"
              + " compute it with: printf %s \"$TOKEN\" | sha256sum");
    }
    return new ApiToken(tokenName, user, fields[3].substring("sha256:".length()));
  }

  private static String name(String text, Problem at) {
    if (!NAME.matcher(text).matches()) {
      throw at.error(
          "'" + text + "' is not a valid name (letters, digits, '.', '_', '@', '-'; 1-100)");
    }
    return text;
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return (hash < 0 ? line : line.substring(0, hash)).strip();
  }

  private record Problem(String source, int line) {
    UsersFileException error(String what) {
      return new UsersFileException("Users file " + source + ", line " + line + ": " + what);
    }
  }
}
