package dev.meerkat.agent.instrumentation.executors;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * Whether a ThreadPoolExecutor class may see wrapped tasks: only when neither it nor a superclass
 * below ThreadPoolExecutor overrides beforeExecute or afterExecute, the hooks through which a
 * subclass sees (and may cast) the Runnable it was given. Decided once per class.
 */
final class ThreadPoolCheck {
  private final ClassValue<Boolean> plainHooks =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type;
              c != null && c != ThreadPoolExecutor.class;
              c = c.getSuperclass()) {
            if (declares(c, "beforeExecute", Thread.class, Runnable.class)
                || declares(c, "afterExecute", Runnable.class, Throwable.class)) {
              return Boolean.FALSE;
            }
          }
          return Boolean.TRUE;
        }
      };

  boolean safeToWrap(Class<?> executorClass) {
    return plainHooks.get(executorClass);
  }

  private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
    try {
      type.getDeclaredMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    } catch (RuntimeException | LinkageError e) {
      // Cannot tell (a security manager, a missing class in the signature): do not wrap.
      return true;
    }
  }
}
