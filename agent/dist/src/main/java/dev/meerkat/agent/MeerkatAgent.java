package dev.meerkat.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * The {@code -javaagent} entry point: the only agent class the system class loader loads. It puts
 * the agent jar on the bootstrap class path (for the bridge classes advice calls), creates the
 * isolated agent class loader and hands over to the installer. Nothing thrown here may reach the
 * host: the application starts normally, only untraced.
 */
public final class MeerkatAgent {
  private MeerkatAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {
    start(instrumentation);
  }

  public static void agentmain(String args, Instrumentation instrumentation) {
    start(instrumentation);
  }

  private static void start(Instrumentation instrumentation) {
    try {
      URL location = MeerkatAgent.class.getProtectionDomain().getCodeSource().getLocation();
      JarFile jar = new JarFile(new File(location.toURI()), false);
      String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
      instrumentation.appendToBootstrapClassLoaderSearch(jar);
      // By name, with the bootstrap loader: the system class loader must not define it too.
      Class<?> loaderType =
          Class.forName("dev.meerkat.agent.bootstrap.AgentClassLoader", true, null);
      Constructor<?> constructor =
          loaderType.getConstructor(JarFile.class, URL.class, ClassLoader.class);
      ClassLoader agentLoader =
          (ClassLoader) constructor.newInstance(jar, location, platformClassLoader());
      Class<?> installer =
          Class.forName("dev.meerkat.agent.tooling.AgentInstaller", true, agentLoader);
      installer
          .getMethod("install", Instrumentation.class, String.class)
          .invoke(null, instrumentation, version);
    } catch (Throwable t) {
      Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
      System.err.println("[meerkat-agent] ERROR Meerkat agent not started: " + cause);
    }
  }

  /** The platform class loader on 9+; null (the bootstrap loader) on 8, where it does not exist. */
  private static ClassLoader platformClassLoader() {
    try {
      return (ClassLoader) ClassLoader.class.getMethod("getPlatformClassLoader").invoke(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
