package dev.meerkat.agent.tooling;

import java.util.List;

/**
 * One instrumentation: one library family at one range of versions. Implementations are found with
 * {@link java.util.ServiceLoader} (a line in {@code META-INF/services} of their own module), have a
 * public no-argument constructor, live in the agent class loader and name their target classes and
 * advice by string only, so a module whose library is absent never loads a class of it.
 *
 * <p>Each module owns its bridge into the bootstrap class loader: the classes advice calls live in
 * the module's own package {@code dev.meerkat.agent.bootstrap.<module>}, which the agent jar puts
 * on the bootstrap class path; nothing in the shared bootstrap zone names a module.
 */
public abstract class InstrumentationModule {
  private final String name;

  protected InstrumentationModule(String name) {
    this.name = name;
  }

  /** The name in {@code otel.instrumentation.<name>.enabled}. */
  public final String name() {
    return name;
  }

  /** The library versions this module supports, as documented: {@code "OkHttp 4.0 - 5.x"}. */
  public abstract String supportedVersions();

  /**
   * The reference check: which classes a class loader must (and must not) see for this module to
   * apply there. A class loader that fails it leaves the module inert. The default requires
   * nothing, for modules that target JDK classes.
   */
  public LibraryCheck libraryCheck() {
    return LibraryCheck.none();
  }

  /** The lowest Java feature version this module runs on (its classes may be compiled for it). */
  public int minimumJavaVersion() {
    return 8;
  }

  /**
   * Installs this module's bootstrap hooks. Runs once, before any class is transformed, so the
   * first transformed call already finds its hook.
   */
  public abstract void activate(InstrumentationContext context);

  /** The classes to transform and the advice for their methods. */
  public abstract List<TypeInstrumentation> typeInstrumentations();
}
