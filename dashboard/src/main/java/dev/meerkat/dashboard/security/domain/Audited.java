package dev.meerkat.dashboard.security.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that changes something users care about: each successful call is written
 * to the audit log with the signed-in user, the {@link #action}, the {@link #object} kind and the
 * object's id (the first {@code String} argument, or the {@code id} of what the method returns).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

  /** What was done, e.g. {@code save}, {@code delete}. */
  String action();

  /** The kind of object, e.g. {@code slo}, {@code channel}. */
  String object();
}
