package dev.meerkat.agent.bootstrap;

/**
 * Static holders the advice reads. Advice is inlined into JDK classes, whose class loader only sees
 * the bootstrap class path, so the hooks are typed with JDK types or {@code Object} only; the
 * implementations live in the agent class loader and are installed after the SDK is ready. A {@code
 * null} hook means "not traced", so advice running before installation is a no-op.
 */
public final class Hooks {
  /** A {@code com.sun.net.httpserver.Filter} that traces server exchanges, or null. */
  public static volatile Object jdkHttpServerFilter;

  public static volatile HttpClientHook javaHttpClient;

  public static volatile UrlConnectionHook httpUrlConnection;

  /** One client call = one span: send delegates to sendAsync, and 2-arg sendAsync to 3-arg. */
  public static final CallDepth JAVA_HTTP_CLIENT_DEPTH = new CallDepth();

  /** getInputStream calls connect, getResponseCode calls getInputStream, and so on. */
  public static final CallDepth HTTP_URL_CONNECTION_DEPTH = new CallDepth();

  private Hooks() {}
}
