package dev.meerkat.agent.bootstrap;

/**
 * Per-thread nesting counter so that an instrumented method calling another instrumented method (or
 * itself through an overload) produces one span, not several.
 */
public final class CallDepth {
  // An anonymous subclass rather than ThreadLocal.withInitial: no lambda in a bootstrap class.
  private final ThreadLocal<int[]> depth =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  /** Increments the depth and returns the depth before, so 0 means "outermost call". */
  public int enter() {
    return depth.get()[0]++;
  }

  /** Decrements the depth; never below zero, so a lost enter cannot disable tracing forever. */
  public void exit() {
    int[] value = depth.get();
    if (value[0] > 0) {
      value[0]--;
    }
  }
}
