package dev.meerkat.agent.tooling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The advice for the methods of the types one matcher selects. Advice classes are named by string
 * (they are read as class files, never loaded by the agent). Built once, immutable.
 */
public final class TypeInstrumentation {
  private final ElementMatcher<? super TypeDescription> type;
  private final List<MethodAdvice> advice;

  private TypeInstrumentation(
      ElementMatcher<? super TypeDescription> type, List<MethodAdvice> advice) {
    this.type = type;
    this.advice = Collections.unmodifiableList(new ArrayList<>(advice));
  }

  /** Starts the instrumentation of the types {@code type} matches. */
  public static Builder forType(ElementMatcher<? super TypeDescription> type) {
    return new Builder(type);
  }

  ElementMatcher<? super TypeDescription> type() {
    return type;
  }

  List<MethodAdvice> advice() {
    return advice;
  }

  /** One advice class (or a pair: enter from one, exit from another) for matching methods. */
  static final class MethodAdvice {
    final ElementMatcher<? super MethodDescription> methods;
    final String enterClass;
    final String exitClass;

    MethodAdvice(ElementMatcher<? super MethodDescription> methods, String enter, String exit) {
      this.methods = methods;
      this.enterClass = enter;
      this.exitClass = exit;
    }
  }

  public static final class Builder {
    private final ElementMatcher<? super TypeDescription> type;
    private final List<MethodAdvice> advice = new ArrayList<>();

    private Builder(ElementMatcher<? super TypeDescription> type) {
      if (type == null) {
        throw new IllegalArgumentException("type matcher is null");
      }
      this.type = type;
    }

    /** The advice class (enter and/or exit methods) for the methods that match. */
    public Builder advise(ElementMatcher<? super MethodDescription> methods, String adviceClass) {
      return advise(methods, adviceClass, adviceClass);
    }

    /** Enter advice from one class and exit advice from another, for the methods that match. */
    public Builder advise(
        ElementMatcher<? super MethodDescription> methods, String enterClass, String exitClass) {
      if (methods == null || enterClass == null || exitClass == null) {
        throw new IllegalArgumentException("method matcher and advice class names are required");
      }
      advice.add(new MethodAdvice(methods, enterClass, exitClass));
      return this;
    }

    public TypeInstrumentation build() {
      if (advice.isEmpty()) {
        throw new IllegalStateException("a type instrumentation needs at least one advice");
      }
      return new TypeInstrumentation(type, advice);
    }
  }
}
