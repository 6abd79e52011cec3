package dev.meerkat.agent.bootstrap.log4j2mdc;

/** The current span's ids for a Log4j 2 event's context data. */
public interface Log4j2MdcHook {
  /** {trace_id, span_id, trace_flags} of the current span, or null when no span is current. */
  String[] currentIds();
}
