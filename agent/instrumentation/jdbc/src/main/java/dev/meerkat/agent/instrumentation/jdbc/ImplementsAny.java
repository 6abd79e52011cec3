package dev.meerkat.agent.instrumentation.jdbc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches classes that implement one of the named JDK interfaces, like Byte Buddy's {@code
 * hasSuperType(named(...))} but far cheaper: that walks every super type of every class the JVM
 * loads, reading each one's class file, JDK types included. This walk reads super types by name
 * first (a lazy type description needs no class file for that) and stops at any JDK type that is
 * not a target, because no JDK type outside the targets' own package implements them: only a
 * class's non-JDK ancestors are read. Measured in docs/agent-parts/jdbc.md.
 */
final class ImplementsAny extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
  private final Set<String> targets;

  ImplementsAny(String... interfaceNames) {
    this.targets = new HashSet<>(Arrays.asList(interfaceNames));
  }

  @Override
  public boolean matches(TypeDescription type) {
    return !type.isInterface() && !isJdk(type.getName()) && implementsTarget(type);
  }

  private boolean implementsTarget(TypeDefinition type) {
    TypeList.Generic interfaces = type.getInterfaces();
    for (int i = 0; i < interfaces.size(); i++) {
      if (isOrImplementsTarget(interfaces.get(i).asErasure())) {
        return true;
      }
    }
    TypeDescription.Generic superClass = type.getSuperClass();
    return superClass != null && isOrImplementsTarget(superClass.asErasure());
  }

  private boolean isOrImplementsTarget(TypeDescription type) {
    String name = type.getName();
    if (targets.contains(name)) {
      return true;
    }
    return !isJdk(name) && implementsTarget(type);
  }

  private static boolean isJdk(String name) {
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }

  @Override
  public String toString() {
    return "implementsAny(" + targets + ")";
  }
}
