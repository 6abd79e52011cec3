package dev.meerkat.agent.tooling;

import java.util.ArrayList;
import java.util.List;

/**
 * The instrumentations shipped in the agent, by class name: a module compiled for a newer Java than
 * the running one is never loaded (its class file version would not even be readable).
 */
final class InstrumentationRegistry {
  private static final String[][] MODULES = {
    // name, class, minimum Java feature version
    {"jdk-http-server", "dev.meerkat.agent.instrumentation.jdkhttpserver.JdkHttpServerModule", "8"},
    {
      "java-http-client",
      "dev.meerkat.agent.instrumentation.javahttpclient.JavaHttpClientModule",
      "11"
    },
    {
      "http-url-connection",
      "dev.meerkat.agent.instrumentation.httpurlconnection.HttpUrlConnectionModule",
      "8"
    },
  };

  private InstrumentationRegistry() {}

  /** The enabled modules that apply to this JVM; a module that fails to load is skipped. */
  static List<InstrumentationModule> load(
      AgentConfig config, int javaVersion, ClassLoader agentLoader, AgentLogger logger) {
    List<InstrumentationModule> modules = new ArrayList<>();
    for (String[] module : MODULES) {
      if (!config.instrumentationEnabled(module[0])) {
        logger.debug("Instrumentation " + module[0] + " disabled by configuration");
        continue;
      }
      if (javaVersion < Integer.parseInt(module[2])) {
        logger.debug("Instrumentation " + module[0] + " needs Java " + module[2]);
        continue;
      }
      try {
        Class<?> type = Class.forName(module[1], true, agentLoader);
        modules.add((InstrumentationModule) type.getConstructor().newInstance());
      } catch (Throwable t) {
        logger.log(AgentLogger.Level.WARN, "Instrumentation " + module[0] + " not loaded: " + t, t);
      }
    }
    return modules;
  }

  /** 8 for "1.8", 11 for "11", and so on. */
  static int javaVersion(String specificationVersion) {
    String version =
        specificationVersion.startsWith("1.")
            ? specificationVersion.substring(2)
            : specificationVersion;
    int dot = version.indexOf('.');
    return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
  }
}
