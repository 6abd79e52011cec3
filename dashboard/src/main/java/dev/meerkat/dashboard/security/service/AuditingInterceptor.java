package dev.meerkat.dashboard.security.service;

import dev.meerkat.dashboard.security.domain.AuditEntry;
import dev.meerkat.dashboard.security.domain.Audited;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Writes an {@link AuditEntry} after each successful call of an {@link Audited} method. One
 * interceptor instead of a log call in every service keeps the services' constructors unchanged and
 * makes a forgotten entry a missing annotation, visible in review.
 *
 * <p>A call that changed nothing is not logged: {@code false}, an empty {@code Optional}, or a
 * result record whose {@code saved} is empty (validation problems, an import of unchanged SLOs).
 */
public final class AuditingInterceptor implements MethodInterceptor {

  private final Supplier<AuditLog> log;
  private final Supplier<Clock> clock;

  /** Suppliers: the interceptor is built before the state store, which it must not start early. */
  public AuditingInterceptor(Supplier<AuditLog> log, Supplier<Clock> clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    Object result = invocation.proceed();
    Audited audited = invocation.getMethod().getAnnotation(Audited.class);
    if (audited == null || !changed(result)) {
      return result;
    }
    log.get()
        .record(
            new AuditEntry(
                clock.get().instant(),
                CurrentUser.name(),
                audited.action(),
                audited.object(),
                objectId(result, invocation.getArguments())));
    return result;
  }

  static boolean changed(Object result) {
    if (result instanceof Boolean b) {
      return b;
    }
    if (result instanceof Optional<?> o) {
      return o.isPresent();
    }
    Object saved = component(result, "saved");
    if (saved instanceof Optional<?> o) {
      return o.isPresent();
    }
    if (saved instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return true;
  }

  /** The id of what was saved, else the first String (or Optional String) argument. */
  static String objectId(Object result, Object[] arguments) {
    Object saved = component(result, "saved");
    if (saved instanceof Optional<?> o && o.isPresent()) {
      return String.valueOf(component(o.get(), "id"));
    }
    if (saved instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    Object id = component(result, "id");
    if (id != null) {
      return String.valueOf(id);
    }
    for (Object argument : arguments) {
      if (argument instanceof String s) {
        return s;
      }
      if (argument instanceof Optional<?> o && o.orElse(null) instanceof String s) {
        return s;
      }
    }
    return "";
  }

  /** The value of a record's component called {@code name}, or null. */
  private static Object component(Object value, String name) {
    if (value == null || !value.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent component : List.of(value.getClass().getRecordComponents())) {
      if (component.getName().equals(name)) {
        try {
          component.getAccessor().setAccessible(true);
          return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot read " + name + " of " + value.getClass(), e);
        }
      }
    }
    return null;
  }
}
