package dev.meerkat.agent.tooling;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A reference check in the spirit of the OpenTelemetry agent's muzzle: a module names classes that
 * exist only in the library versions it supports ({@link #requires}) and classes whose presence
 * means a version it does not support ({@link #rejects}). Checked by resource look-up, so no class
 * is loaded or initialised; the answer is cached per class loader (weakly, so loaders can unload).
 */
public final class LibraryCheck {
  private static final LibraryCheck NONE =
      new LibraryCheck(Collections.<String>emptyList(), Collections.<String>emptyList());

  private final List<String> required;
  private final List<String> rejected;

  private LibraryCheck(List<String> required, List<String> rejected) {
    this.required = required;
    this.rejected = rejected;
  }

  /** No requirement: for modules that target JDK classes. */
  public static LibraryCheck none() {
    return NONE;
  }

  /** Every named class must be visible. */
  public static LibraryCheck requires(String... classNames) {
    return new LibraryCheck(
        Collections.unmodifiableList(Arrays.asList(classNames.clone())), NONE.rejected);
  }

  /** And none of these may be visible (they mark versions the module does not support). */
  public LibraryCheck rejects(String... classNames) {
    List<String> all = new ArrayList<>(rejected);
    all.addAll(Arrays.asList(classNames));
    return new LibraryCheck(required, Collections.unmodifiableList(all));
  }

  boolean isNone() {
    return required.isEmpty() && rejected.isEmpty();
  }

  /**
   * The first reason this loader fails the check ("missing x.Y" / "found x.Z"), or null when it
   * passes. The bootstrap loader (null) is looked at through the system loader's parent.
   */
  String mismatch(ClassLoader loader) {
    ClassLoader lookup = loader != null ? loader : ClassLoader.getSystemClassLoader().getParent();
    for (String name : required) {
      if (!visible(lookup, name)) {
        return "missing " + name;
      }
    }
    for (String name : rejected) {
      if (visible(lookup, name)) {
        return "found " + name;
      }
    }
    return null;
  }

  private static boolean visible(ClassLoader lookup, String className) {
    String resource = className.replace('.', '/') + ".class";
    return lookup == null
        ? ClassLoader.getSystemResource(resource) != null
        : lookup.getResource(resource) != null;
  }

  /** The check as a cached Byte Buddy class-loader matcher that reports each mismatch once. */
  ElementMatcher<ClassLoader> matcher(final Reporter reporter) {
    if (isNone()) {
      return new ElementMatcher<ClassLoader>() {
        @Override
        public boolean matches(ClassLoader target) {
          return true;
        }
      };
    }
    final Map<ClassLoader, Boolean> cache =
        Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());
    return new ElementMatcher<ClassLoader>() {
      private volatile Boolean bootstrap;
      // Classes mostly load from one loader at a time: the last answer avoids the locked map
      // (this check runs for every class, before the type matchers). Weak, so loaders can unload.
      private volatile LastAnswer last;

      @Override
      public boolean matches(ClassLoader target) {
        LastAnswer previous = last;
        if (previous != null && target != null && previous.loader.get() == target) {
          return previous.matches;
        }
        Boolean known = target == null ? bootstrap : cache.get(target);
        if (known != null) {
          if (target != null) {
            last = new LastAnswer(target, known);
          }
          return known;
        }
        String mismatch = mismatch(target);
        boolean matches = mismatch == null;
        if (!matches) {
          reporter.mismatch(mismatch);
        }
        if (target == null) {
          bootstrap = matches;
        } else {
          cache.put(target, matches);
        }
        return matches;
      }
    };
  }

  private static final class LastAnswer {
    final WeakReference<ClassLoader> loader;
    final boolean matches;

    LastAnswer(ClassLoader loader, boolean matches) {
      this.loader = new WeakReference<>(loader);
      this.matches = matches;
    }
  }

  /** Told about a class loader in which the module stays inert. */
  interface Reporter {
    void mismatch(String reason);
  }

  @Override
  public String toString() {
    return "requires " + required + (rejected.isEmpty() ? "" : ", rejects " + rejected);
  }
}
