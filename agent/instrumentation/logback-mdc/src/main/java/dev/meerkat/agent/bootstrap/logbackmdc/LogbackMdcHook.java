package dev.meerkat.agent.bootstrap.logbackmdc;

import java.util.Map;

/** Adds the current span's ids to a Logback event's MDC map. */
public interface LogbackMdcHook {
  /**
   * {@code mdc} plus {@code trace_id}, {@code span_id} and {@code trace_flags} of the current span,
   * as a new map; {@code mdc} itself when no span is current ({@code mdc} may be null).
   */
  Map<String, String> withTraceIds(Map<String, String> mdc);
}
