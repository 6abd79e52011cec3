package dev.meerkat.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.meerkat.agent.bootstrap.CallDepth;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The one place advice is applied: every module's type instrumentations go into one Byte Buddy
 * transformer, each behind the module's reference check, a fail-safe matcher and the module's
 * on/off switch. A module whose advice cannot be applied is switched off with one WARN.
 */
final class Transformers {
  /** The modules whose matchers accepted the type being transformed on this thread. */
  private static final ThreadLocal<List<ActiveModule>> MATCHED =
      new ThreadLocal<List<ActiveModule>>() {
        @Override
        protected List<ActiveModule> initialValue() {
          return new ArrayList<>(2);
        }
      };

  private Transformers() {}

  /** A module after activation: its definition and its context (which holds the switch). */
  static final class ActiveModule {
    final InstrumentationModule module;
    final InstrumentationContext context;

    ActiveModule(InstrumentationModule module, InstrumentationContext context) {
      this.module = module;
      this.context = context;
    }
  }

  static void install(
      Instrumentation instrumentation,
      List<ActiveModule> modules,
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
            // Classes loaded while the transformer is being installed (JDK 25 loads ForkJoinPool
            // then) are in no snapshot: look again until no new class appears.
            .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
            // Type descriptions come from loaded classes where possible, class files otherwise.
            .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
            .with(new Listener(logger))
            // Replaces Byte Buddy's default ignore, which skips every bootstrap class: some of our
            // targets are JDK classes. Our own and Byte Buddy's classes are never touched.
            .ignore(
                nameStartsWith("dev.meerkat.")
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(nameStartsWith("jdk.internal.reflect."))
                    .or(nameStartsWith("sun.reflect."))
                    .or(isSynthetic()));
    for (ActiveModule active : modules) {
      ModuleMatcherFactory factory = new ModuleMatcherFactory(active, logger);
      for (TypeInstrumentation type : active.module.typeInstrumentations()) {
        builder =
            builder
                .type(factory.matcher(type.type()))
                .transform(advice(type, agentLoader))
                // Targets in named modules (java.net.http, jdk.httpserver...) must read the
                // bootstrap unnamed module where the bridges live.
                .assureReadEdgeTo(instrumentation, CallDepth.class);
      }
    }
    builder.installOn(instrumentation);
  }

  private static AgentBuilder.Transformer advice(TypeInstrumentation type, ClassLoader agent) {
    AgentBuilder.Transformer.ForAdvice advice =
        new AgentBuilder.Transformer.ForAdvice().include(agent);
    for (TypeInstrumentation.MethodAdvice method : type.advice()) {
      advice =
          method.enterClass.equals(method.exitClass)
              ? advice.advice(method.methods, method.enterClass)
              : advice.advice(method.methods, method.enterClass, method.exitClass);
    }
    return advice;
  }

  /** Builds the raw matchers of one module: switch, reference check, then the type matcher. */
  private static final class ModuleMatcherFactory {
    private final ActiveModule active;
    private final ElementMatcher<ClassLoader> loaderCheck;

    ModuleMatcherFactory(final ActiveModule active, final AgentLogger logger) {
      this.active = active;
      final String name = active.module.name();
      final String versions = active.module.supportedVersions();
      this.loaderCheck =
          active
              .module
              .libraryCheck()
              .matcher(
                  new LibraryCheck.Reporter() {
                    private volatile boolean reported;

                    @Override
                    public void mismatch(String reason) {
                      if (!reported) {
                        reported = true;
                        logger.debug(
                            "Instrumentation "
                                + name
                                + " inert where its library is absent or of another version ("
                                + reason
                                + "; supports "
                                + versions
                                + ")");
                      }
                    }
                  });
    }

    AgentBuilder.RawMatcher matcher(final ElementMatcher<? super TypeDescription> type) {
      return new AgentBuilder.RawMatcher() {
        @Override
        public boolean matches(
            TypeDescription typeDescription,
            ClassLoader classLoader,
            JavaModule module,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain) {
          try {
            // The loader check (cached per class loader) before the type matcher: some type
            // matchers look at every method of a class (@WithSpan), and a loader without the
            // library must not pay for them.
            if (!active.context.isActive()
                || !loaderCheck.matches(classLoader)
                || !type.matches(typeDescription)) {
              return false;
            }
            MATCHED.get().add(active);
            return true;
          } catch (Throwable t) {
            // A failing matcher means no match (e.g. a super type that cannot be resolved).
            return false;
          }
        }
      };
    }
  }

  /** Logs transformations at DEBUG; a failed one switches off the modules that matched. */
  private static final class Listener extends AgentBuilder.Listener.Adapter {
    private final AgentLogger logger;

    Listener(AgentLogger logger) {
      this.logger = logger;
    }

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      if (logger.isEnabled(AgentLogger.Level.DEBUG)) {
        logger.debug("Instrumented " + type.getName() + " " + modules(MATCHED.get()));
      }
    }

    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      for (ActiveModule active : MATCHED.get()) {
        active.context.fail(new IllegalStateException("could not instrument " + typeName, error));
      }
    }

    @Override
    public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
      MATCHED.get().clear();
    }

    private static List<String> modules(List<ActiveModule> matched) {
      List<String> names = new ArrayList<>(matched.size());
      for (ActiveModule active : matched) {
        names.add(active.module.name());
      }
      return names;
    }
  }
}
