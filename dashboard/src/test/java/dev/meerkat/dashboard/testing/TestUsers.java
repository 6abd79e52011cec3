package dev.meerkat.dashboard.testing;

/** The users of src/test/resources/security/test-users, which every Spring test loads. */
public final class TestUsers {

  public static final String VIEWER = "viewer";
  public static final String EDITOR = "editor";
  public static final String ADMIN = "admin";

  public static final String VIEWER_TOKEN = "viewer-token-for-tests";
  public static final String EDITOR_TOKEN = "editor-token-for-tests";

  private TestUsers() {}

  /** The password of a test user: its name and "-password". */
  public static String password(String user) {
    return user + "-password";
  }
}
