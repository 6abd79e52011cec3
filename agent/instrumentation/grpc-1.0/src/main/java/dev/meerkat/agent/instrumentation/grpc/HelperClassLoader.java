package dev.meerkat.agent.instrumentation.grpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Defines the helper interceptor classes next to an application's gRPC: its parent is the class
 * loader of the application's gRPC classes, so the helpers implement the very {@code io.grpc}
 * interfaces the application's channels use, and they reach the agent only through the bootstrap
 * bridge ({@code GrpcBridge}), which every class loader sees. Their class files are read from the
 * agent's own class loader, which never loads them itself (it cannot see {@code io.grpc}).
 */
final class HelperClassLoader extends ClassLoader {
  static final String HELPER_PACKAGE = "dev.meerkat.agent.instrumentation.grpc.helper.";

  private static final List<String> HELPERS =
      Arrays.asList(
          HELPER_PACKAGE + "TracingClientInterceptor",
          HELPER_PACKAGE + "TracingClientInterceptor$TracingClientCall",
          HELPER_PACKAGE + "TracingClientInterceptor$TracingListener",
          HELPER_PACKAGE + "TracingServerInterceptor",
          HELPER_PACKAGE + "TracingServerInterceptor$TracingServerCall",
          HELPER_PACKAGE + "TracingServerInterceptor$TracingListener");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader agentLoader;

  HelperClassLoader(ClassLoader grpcLoader, ClassLoader agentLoader) {
    super(grpcLoader);
    this.agentLoader = agentLoader;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!HELPERS.contains(name)) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
      byte[] bytes = out.toByteArray();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  /** A new instance of the helper class {@code simpleName}. */
  Object newInstance(String simpleName) throws ReflectiveOperationException {
    return loadClass(HELPER_PACKAGE + simpleName).getConstructor().newInstance();
  }
}
