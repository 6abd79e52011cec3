package dev.meerkat.agent.instrumentation.annotations;

import java.lang.reflect.Method;

/** JVM method descriptors ({@code (Ljava/lang/String;I)V}) of reflected methods. */
final class Descriptors {
  private Descriptors() {}

  static String of(Method method) {
    StringBuilder descriptor = new StringBuilder("(");
    for (Class<?> parameter : method.getParameterTypes()) {
      append(descriptor, parameter);
    }
    descriptor.append(')');
    append(descriptor, method.getReturnType());
    return descriptor.toString();
  }

  private static void append(StringBuilder descriptor, Class<?> type) {
    if (type.isArray()) {
      // Array names are already in descriptor form: "[Ljava.lang.String;", "[I".
      descriptor.append(type.getName().replace('.', '/'));
    } else if (type.isPrimitive()) {
      descriptor.append(primitive(type));
    } else {
      descriptor.append('L').append(type.getName().replace('.', '/')).append(';');
    }
  }

  private static char primitive(Class<?> type) {
    if (type == int.class) {
      return 'I';
    } else if (type == long.class) {
      return 'J';
    } else if (type == boolean.class) {
      return 'Z';
    } else if (type == byte.class) {
      return 'B';
    } else if (type == char.class) {
      return 'C';
    } else if (type == short.class) {
      return 'S';
    } else if (type == double.class) {
      return 'D';
    } else if (type == float.class) {
      return 'F';
    }
    return 'V';
  }
}
