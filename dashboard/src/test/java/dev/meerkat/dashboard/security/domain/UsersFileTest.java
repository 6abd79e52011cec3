package dev.meerkat.dashboard.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsersFileTest {

  /** A bcrypt hash (cost 4) of "editor-password", made with Spring's BCryptPasswordEncoder. */
  private static final String HASH = "$2a$04$RUehd9zm9i/rTrYN2rTUX.sf6Nhe.vkgr/WG9.spKoq44YqR/f0..";

  /** printf %s editor-token-for-tests | sha256sum */
  private static final String TOKEN_SHA256 =
      "7c2b94cac595e4fa79e17c4e1a0663d3db519b23cb3cc784f37fb97464e55ba9";

  @Test
  void readsUsersAndTokensIgnoringCommentsAndBlankLines() {
    Users users =
        UsersFile.parse(
            "users",
            List.of(
                "# the team",
                "",
                "user alice editor " + HASH + "   # on call",
                "user bob   VIEWER " + HASH.replace("$2a$", "$2y$"),
                "token ci alice sha256:" + TOKEN_SHA256));

    assertThat(users.size()).isEqualTo(2);
    assertThat(users.find("alice")).contains(new UserAccount("alice", HASH, Role.EDITOR));
    assertThat(users.find("bob").map(UserAccount::role)).contains(Role.VIEWER);
    assertThat(users.findByToken("editor-token-for-tests").map(UserAccount::name))
        .contains("alice");
    assertThat(users.findByToken("editor-token-for-tests ")).isEqualTo(Optional.empty());
  }

  @Test
  void namesFileLineAndProblem() {
    assertProblem(
        List.of("user alice editor " + HASH, "user bob boss " + HASH),
        "Users file /etc/meerkat/users, line 2: unknown role 'boss'; use viewer, editor or admin");
    assertProblem(
        List.of("# comment", "user alice editor secret"),
        "Users file /etc/meerkat/users, line 2: the password of 'alice' is not a bcrypt hash"
            + " ($2a$, $2b$ or $2y$ and 53 more characters); create one with:"
            + " htpasswd -nbBC 10 '' 'the password' | tr -d ':\\n'");
    assertProblem(
        List.of("user alice editor"),
        "Users file /etc/meerkat/users, line 1: expected 'user <name> <viewer|editor|admin>"
            + " <bcrypt hash>', found 3 fields");
    assertProblem(
        List.of("user alice editor " + HASH, "user alice admin " + HASH),
        "Users file /etc/meerkat/users, line 2: user 'alice' is defined twice");
    assertProblem(
        List.of("admin alice " + HASH),
        "Users file /etc/meerkat/users, line 1: unknown entry 'admin'; a line starts with 'user'"
            + " or 'token'");
    assertProblem(
        List.of("user alice editor " + HASH, "token ci alice " + TOKEN_SHA256),
        "Users file /etc/meerkat/users, line 2: token 'ci' must be stored as sha256:<64 lower-case"
            + " hex digits>; compute it with: printf %s \"$TOKEN\" | sha256sum");
    assertProblem(
        List.of("token ci carol sha256:" + TOKEN_SHA256, "user alice editor " + HASH),
        "Users file /etc/meerkat/users, line 1: token 'ci' belongs to unknown user 'carol'");
    assertProblem(
        List.of("user al/ice editor " + HASH),
        "Users file /etc/meerkat/users, line 1: 'al/ice' is not a valid name (letters, digits,"
            + " '.', '_', '@', '-'; 1-100)");
  }

  private static void assertProblem(List<String> lines, String message) {
    assertThatThrownBy(() -> UsersFile.parse("/etc/meerkat/users", lines))
        .isInstanceOf(UsersFileException.class)
        .hasMessage(message);
  }
}
