package dev.meerkat.agent.instrumentation.annotations;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * What one annotated method's spans look like, read once by reflection from its {@code @WithSpan}
 * and {@code @SpanAttribute} annotations (by name: the annotation classes are the application's).
 */
final class MethodSpec {
  final String spanName;
  final SpanKind kind;
  final boolean inheritContext;

  /** The fully qualified method name ({@code code.function.name}). */
  final String function;

  /** Per parameter: its attribute name, or null when it is not a {@code @SpanAttribute}. */
  final String[] attributeNames;

  private MethodSpec(
      String spanName,
      SpanKind kind,
      boolean inheritContext,
      String function,
      String[] attributeNames) {
    this.spanName = spanName;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.function = function;
    this.attributeNames = attributeNames;
  }

  /** The spec of {@code type}'s method with this "name+descriptor", or null when not found. */
  static MethodSpec find(Class<?> type, String nameAndDescriptor)
      throws ReflectiveOperationException {
    for (Method method : type.getDeclaredMethods()) {
      if (nameAndDescriptor.equals(method.getName() + Descriptors.of(method))) {
        return of(type, method);
      }
    }
    return null;
  }

  private static MethodSpec of(Class<?> type, Method method) throws ReflectiveOperationException {
    Annotation withSpan = annotation(method.getAnnotations(), AnnotationNames.WITH_SPAN);
    if (withSpan == null) {
      return null;
    }
    Class<?> annotationType = withSpan.annotationType();
    String value = (String) annotationType.getMethod("value").invoke(withSpan);
    Object kind = annotationType.getMethod("kind").invoke(withSpan);
    boolean inherit = true;
    try {
      // inheritContext exists since annotations 2.14.
      inherit = (Boolean) annotationType.getMethod("inheritContext").invoke(withSpan);
    } catch (NoSuchMethodException olderAnnotation) {
      // always inherits
    }
    String simpleName = type.getName().substring(type.getName().lastIndexOf('.') + 1);
    return new MethodSpec(
        value.isEmpty() ? simpleName + "." + method.getName() : value,
        SpanKind.valueOf(((Enum<?>) kind).name()),
        inherit,
        type.getName() + "." + method.getName(),
        attributeNames(method));
  }

  private static String[] attributeNames(Method method) throws ReflectiveOperationException {
    Annotation[][] annotations = method.getParameterAnnotations();
    Parameter[] parameters = method.getParameters();
    String[] names = new String[annotations.length];
    for (int i = 0; i < annotations.length; i++) {
      Annotation attribute = annotation(annotations[i], AnnotationNames.SPAN_ATTRIBUTE);
      if (attribute != null) {
        String name = (String) attribute.annotationType().getMethod("value").invoke(attribute);
        if (name.isEmpty() && parameters[i].isNamePresent()) {
          // Without a value the parameter's name: only there when compiled with -parameters.
          name = parameters[i].getName();
        }
        names[i] = name.isEmpty() ? null : name;
      }
    }
    return names;
  }

  private static Annotation annotation(Annotation[] annotations, String typeName) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getName().equals(typeName)) {
        return annotation;
      }
    }
    return null;
  }

  /** The attribute key for an argument, typed by its runtime value. */
  static AttributeKey<?> key(String name, Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return AttributeKey.longKey(name);
    }
    if (value instanceof Double || value instanceof Float) {
      return AttributeKey.doubleKey(name);
    }
    if (value instanceof Boolean) {
      return AttributeKey.booleanKey(name);
    }
    return AttributeKey.stringKey(name);
  }

  /** The attribute value matching {@link #key}. */
  static Object value(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }
}
