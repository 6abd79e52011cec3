package dev.meerkat.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

/** Installs the Byte Buddy transformations of all active instrumentation modules at once. */
final class Transformers {
  private Transformers() {}

  static void install(
      Instrumentation instrumentation,
      List<InstrumentationModule> modules,
      ClassLoader agentLoader,
      AgentLogger logger) {
    // AgentBuilder.Default eagerly creates a Nexus accessor that touches sun.misc.Unsafe, which
    // prints a deprecation warning on Java 24+; we never use the Nexus (no class format changes).
    // The property name is relocated with Byte Buddy, so it is in our own namespace.
    System.setProperty(Nexus.PROPERTY, "true");
    AgentBuilder builder =
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
            // Retransformation must not add fields or methods: only advice inlined in bodies.
            .disableClassFormatChanges()
            // Classes loaded before premain (or before agentmain attach) get instrumented too.
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new ErrorListener(logger))
            // Replaces Byte Buddy's default ignore, which skips every bootstrap class: our
            // targets are JDK classes. Our own and Byte Buddy's classes are never touched.
            .ignore(
                nameStartsWith("dev.meerkat.")
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(nameStartsWith("jdk.internal.reflect."))
                    .or(isSynthetic()));
    for (InstrumentationModule module : modules) {
      builder = module.transform(builder, instrumentation, agentLoader);
    }
    builder.installOn(instrumentation);
  }

  /** A failed transformation is logged once per type and the type is left unchanged. */
  private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
    private final AgentLogger logger;

    ErrorListener(AgentLogger logger) {
      this.logger = logger;
    }

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        net.bytebuddy.dynamic.DynamicType dynamicType) {
      logger.debug("Instrumented " + type.getName());
    }

    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      logger.log(AgentLogger.Level.WARN, "Could not instrument " + typeName + ": " + error, error);
    }
  }
}
