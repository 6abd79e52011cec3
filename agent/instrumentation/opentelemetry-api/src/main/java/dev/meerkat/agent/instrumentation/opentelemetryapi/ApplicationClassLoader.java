package dev.meerkat.agent.instrumentation.opentelemetryapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Defines the bridge classes (package {@code dev.meerkat.agent.application.opentelemetryapi},
 * compiled against the plain OpenTelemetry API and stored unrelocated in the agent jar) as a child
 * of the class loader that holds the application's API, so they implement the application's own
 * interfaces. A child loader rather than injection into the application's loader: nothing is added
 * to the application's namespace, no JDK internals are needed, and the child goes away with its
 * parent. The bootstrap bridge is looked up in the bootstrap loader directly, whatever the parent's
 * delegation rules.
 */
final class ApplicationClassLoader extends ClassLoader {
  private static final String BOOTSTRAP = "dev.meerkat.agent.bootstrap.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader agentLoader;

  ApplicationClassLoader(ClassLoader parent, ClassLoader agentLoader) {
    super(parent);
    this.agentLoader = agentLoader;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(BOOTSTRAP)) {
      return Class.forName(name, false, null);
    }
    if (!name.startsWith(ApplicationNames.BRIDGE_PACKAGE)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = define(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> define(String name) throws ClassNotFoundException {
    // The agent loader serves the stored class file as a resource (it never defines these).
    try (InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        bytes.write(buffer, 0, n);
      }
      byte[] classFile = bytes.toByteArray();
      return defineClass(name, classFile, 0, classFile.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
