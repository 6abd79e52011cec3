package dev.meerkat.agent.tooling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the instrumentation modules in the agent class loader with {@link ServiceLoader}, so adding
 * a module is a change to that module alone. A module compiled for a newer Java than the running
 * one fails to load with {@link UnsupportedClassVersionError}: it is skipped with a DEBUG line.
 */
final class ModuleLoader {
  private ModuleLoader() {}

  /** The enabled modules that apply to this JVM, in a stable order (by name). */
  static List<InstrumentationModule> load(
      AgentConfig config, int javaVersion, ClassLoader agentLoader, AgentLogger logger) {
    return load(config, javaVersion, agentLoader, logger, new ArrayList<String>());
  }

  /** As above, and adds the name of every module found, enabled or not, to {@code found}. */
  static List<InstrumentationModule> load(
      AgentConfig config,
      int javaVersion,
      ClassLoader agentLoader,
      AgentLogger logger,
      List<String> foundNames) {
    List<InstrumentationModule> modules = new ArrayList<>();
    Iterator<InstrumentationModule> found =
        ServiceLoader.load(InstrumentationModule.class, agentLoader).iterator();
    while (true) {
      InstrumentationModule module;
      try {
        if (!found.hasNext()) {
          break;
        }
        module = found.next();
      } catch (ServiceConfigurationError e) {
        if (rootCause(e) instanceof UnsupportedClassVersionError) {
          logger.debug("Instrumentation skipped, it needs a newer Java: " + e.getMessage());
        } else {
          logger.log(AgentLogger.Level.WARN, "Instrumentation not loaded: " + e, e);
        }
        continue;
      }
      foundNames.add(module.name());
      if (!config.instrumentationEnabled(module.name())) {
        logger.debug(
            "Instrumentation "
                + module.name()
                + " disabled by configuration ("
                + module.getClass().getName()
                + ")");
      } else if (javaVersion < module.minimumJavaVersion()) {
        logger.debug(
            "Instrumentation "
                + module.name()
                + " needs Java "
                + module.minimumJavaVersion()
                + " ("
                + module.getClass().getName()
                + ")");
      } else {
        modules.add(module);
      }
    }
    sortByName(modules);
    return modules;
  }

  private static void sortByName(List<InstrumentationModule> modules) {
    // Insertion sort: no lambda or Comparator class for a list of about twenty.
    for (int i = 1; i < modules.size(); i++) {
      InstrumentationModule current = modules.get(i);
      int j = i - 1;
      while (j >= 0 && modules.get(j).name().compareTo(current.name()) > 0) {
        modules.set(j + 1, modules.get(j));
        j--;
      }
      modules.set(j + 1, current);
    }
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
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
