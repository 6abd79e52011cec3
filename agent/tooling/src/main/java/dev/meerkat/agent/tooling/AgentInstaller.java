package dev.meerkat.agent.tooling;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Entry point in the agent class loader, called reflectively by the premain class once the
 * bootstrap bridge is on the bootstrap class path. Order matters: logging first (so the SDK's own
 * messages are routed), then the SDK, then the hooks, and only then class transformation, so the
 * first transformed call already finds its hook. (Building the SDK in parallel with the
 * transformations was tried: no measurable gain on 2 cores, so the simple order stays.)
 */
public final class AgentInstaller {
  private AgentInstaller() {}

  public static void install(Instrumentation instrumentation, String agentVersion) {
    long start = System.nanoTime();
    AgentConfig config = AgentConfig.fromSystem();
    AgentLogger logger = new AgentLogger(config.logLevel(), System.err);
    if (!config.agentEnabled()) {
      logger.info("Meerkat agent " + agentVersion + " disabled by meerkat.agent.enabled=false");
      return;
    }
    SdkLogHandler.install(logger);
    AgentSpanMetrics spanMetrics = new AgentSpanMetrics();
    SdkSetup sdk = SdkSetup.create(agentVersion, config, logger, spanMetrics);
    logger.debug("SDK ready after " + millisSince(start) + " ms");
    try {
      spanMetrics.register(sdk.sdk.getMeter("dev.meerkat.agent"));
    } catch (Throwable t) {
      logger.log(AgentLogger.Level.WARN, "Agent self-metrics not registered: " + t, t);
    }
    if (config.instrumentationEnabled("runtime-telemetry")) {
      try {
        JvmMetrics.register(sdk.sdk.getMeter("dev.meerkat.agent.runtime-telemetry"));
      } catch (Throwable t) {
        logger.log(AgentLogger.Level.WARN, "JVM metrics not registered: " + t, t);
      }
    }
    int javaVersion = ModuleLoader.javaVersion(System.getProperty("java.specification.version"));
    ClassLoader agentLoader = AgentInstaller.class.getClassLoader();
    List<String> found = new ArrayList<>();
    List<InstrumentationModule> modules =
        ModuleLoader.load(config, javaVersion, agentLoader, logger, found);
    List<String> unknownInstrumentations = config.unknownInstrumentations(found);
    if (!unknownInstrumentations.isEmpty()) {
      List<String> known = new ArrayList<>(found);
      known.addAll(AgentConfig.BUILT_IN_INSTRUMENTATIONS);
      Collections.sort(known);
      logger.warn(
          "Unknown instrumentation names in otel.instrumentation.<name>.enabled: "
              + unknownInstrumentations
              + " (known: "
              + known
              + ")");
    }
    List<Transformers.ActiveModule> active = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      InstrumentationContext context =
          new InstrumentationContext(module.name(), sdk.sdk, agentVersion, config, logger);
      try {
        module.activate(context);
        active.add(new Transformers.ActiveModule(module, context));
        names.add(module.name());
        logger.debug(
            "Instrumentation "
                + module.name()
                + " active ("
                + module.getClass().getName()
                + "; supports "
                + module.supportedVersions()
                + ")");
      } catch (Throwable t) {
        context.fail(t);
      }
    }
    // After activation: options the modules read are known.
    List<String> unknownOptions = config.unknownOptions();
    if (!unknownOptions.isEmpty()) {
      logger.warn(
          "Unknown Meerkat options ignored: "
              + unknownOptions
              + " (known: "
              + AgentConfig.KNOWN_OPTIONS
              + ")");
    }
    logger.debug("Metrics and hooks ready after " + millisSince(start) + " ms");
    Transformers.install(instrumentation, active, agentLoader, logger);
    logger.info(
        "Meerkat agent "
            + agentVersion
            + " started in "
            + millisSince(start)
            + " ms: service.name="
            + sdk.serviceName
            + ", endpoint="
            + sdk.tracesEndpoint
            + ", instrumentations="
            + names);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
