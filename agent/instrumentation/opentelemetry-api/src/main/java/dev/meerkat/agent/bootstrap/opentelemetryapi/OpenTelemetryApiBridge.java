package dev.meerkat.agent.bootstrap.opentelemetryapi;

/**
 * Bootstrap-zone state of the opentelemetry-api instrumentation, read by its advice (inlined into
 * the application's {@code ContextStorage} and {@code GlobalOpenTelemetry}) and by the bridge
 * classes in the application's class loader.
 */
public final class OpenTelemetryApiBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile ApiHook hook;

  /**
   * Per API class (so per application copy of the API): its bridge. A ClassValue keeps the value
   * with the class, so an application's class loader can still be unloaded.
   */
  private static final ClassValue<Object> BRIDGES =
      new ClassValue<Object>() {
        @Override
        protected Object computeValue(Class<?> type) {
          ApiHook current = hook;
          return current == null ? null : current.applicationBridge(type.getClassLoader());
        }
      };

  private OpenTelemetryApiBridge() {}

  /** The bridge storage for this copy of {@code ContextStorage}, or {@code original}. */
  public static Object contextStorage(Class<?> contextStorageType, Object original) {
    Object bridge = BRIDGES.get(contextStorageType);
    return bridge instanceof ApplicationBridge
        ? ((ApplicationBridge) bridge).contextStorage()
        : original;
  }

  /** What this copy of {@code GlobalOpenTelemetry.get()} returns instead of {@code global}. */
  public static Object openTelemetry(Class<?> globalType, Object global) {
    Object bridge = BRIDGES.get(globalType);
    return bridge instanceof ApplicationBridge
        ? ((ApplicationBridge) bridge).openTelemetry(global)
        : global;
  }
}
