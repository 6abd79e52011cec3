package dev.meerkat.agent.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The isolated class loader for tooling, the relocated SDK and the instrumentations. Their files
 * sit in the agent jar under {@link #PREFIX}, classes with the extension {@code .classdata}, so
 * neither the system class loader (which has the agent jar on its class path) nor the bootstrap
 * class loader (to which the agent jar is appended) can load them. The parent is the platform class
 * loader on 9+ (JDK modules outside java.base, e.g. java.net.http) and the bootstrap class loader
 * on 8, so application classes never leak in.
 */
public final class AgentClassLoader extends ClassLoader {
  public static final String PREFIX = "dev/meerkat/agent/inst/";

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;

  static {
    registerAsParallelCapable();
  }

  public AgentClassLoader(JarFile jar, URL jarLocation, ClassLoader parent) {
    super(parent);
    this.jar = jar;
    this.jarUrl = "jar:" + jarLocation + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(jarLocation, (Certificate[]) null), null, this, null);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + ".classdata");
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = readAll(in, (int) entry.getSize());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOnce(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  @SuppressWarnings("deprecation") // getPackage: getDefinedPackage does not exist on Java 8.
  private void definePackageOnce(String className) {
    int dot = className.lastIndexOf('.');
    if (dot <= 0) {
      return;
    }
    String pkg = className.substring(0, dot);
    if (getPackage(pkg) == null) {
      try {
        definePackage(pkg, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
        // fine
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    // Byte Buddy reads advice class files as resources named *.class.
    String path =
        name.endsWith(".class") ? name.substring(0, name.length() - 6) + ".classdata" : name;
    if (jar.getJarEntry(PREFIX + path) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + PREFIX + path);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null
        ? Collections.<URL>emptyEnumeration()
        : Collections.enumeration(Collections.singletonList(url));
  }

  private static byte[] readAll(InputStream in, int sizeHint) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint > 0 ? sizeHint : 8192);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
