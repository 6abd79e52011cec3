package dev.meerkat.store.query;

import java.time.Instant;
import java.util.List;

/** Which operations and error types a service's failed requests had, with example traces. */
public interface ErrorCauseRepository {

  /** How many example trace ids each cause carries at most. */
  int EXAMPLES = 3;

  /**
   * Failed requests (server and consumer spans with status ERROR) of {@code service} that started
   * in {@code [from, to)}, grouped by operation and error type, most requests first.
   *
   * @param operations only these span names; empty for all
   * @param limit at most this many causes
   */
  List<ErrorCause> errorCauses(
      String service, List<String> operations, Instant from, Instant to, int limit);

  /**
   * Failed requests (server and consumer spans with status ERROR) of {@code service} that started
   * in {@code [from, to)}, grouped by error type and message, most requests first, then by type and
   * message.
   *
   * @param limit at most this many groups
   */
  List<ErrorGroup> topErrors(String service, Instant from, Instant to, int limit);
}
