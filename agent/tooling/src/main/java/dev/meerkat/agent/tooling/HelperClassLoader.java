package dev.meerkat.agent.tooling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Defines an instrumentation's helper classes next to an application's library, for helpers that
 * must implement or extend the library's own types (a gRPC {@code ClientInterceptor}, an Apache
 * {@code AsyncRequestProducer}). Its parent is the class loader of the library's classes, so the
 * helpers see the very types the application uses; they reach the agent only through their module's
 * bootstrap bridge, which every class loader sees. Their class files are read from the agent's
 * class loader, which never loads them itself (it cannot see the library).
 *
 * <p>Create one per library class loader and keep it with the library's classes (a {@link
 * ClassValue} keyed on a library class does), so the application's class loader can unload.
 */
public final class HelperClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final ClassLoader agentLoader;
  private final List<String> helpers;

  /**
   * @param helpers the binary names of the helper classes, nested classes included
   */
  public HelperClassLoader(ClassLoader libraryLoader, ClassLoader agentLoader, String... helpers) {
    super(libraryLoader);
    this.agentLoader = agentLoader;
    List<String> names = new ArrayList<>(helpers.length);
    Collections.addAll(names, helpers);
    this.helpers = Collections.unmodifiableList(names);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!helpers.contains(name)) {
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

  /**
   * A new instance of the helper class {@code name}, made with its public no-argument constructor.
   */
  public Object newInstance(String name) throws ReflectiveOperationException {
    return loadClass(name).getConstructor().newInstance();
  }
}
