package dev.meerkat.collector.receiver;

/**
 * What the direct trace decoders share while they decode one request: the reader, the per-request
 * string tables, the truncation counts and the limits. Used by one request at a time (the tables
 * are sized once and reused), reset at the start and released at the end of every request.
 */
final class DirectDecoding {

  final WireReader reader = new WireReader();

  /** Keys, names, scope names, string values: decoded once per distinct bytes per request. */
  final ByteSliceTable strings = new ByteSliceTable();

  /** Whole attribute values (AnyValue encodings) with their type and number. */
  final ByteSliceTable values = new ByteSliceTable();

  /** Whole attributes (KeyValue encodings): key, value, its type and number in one lookup. */
  final ByteSliceTable pairs = new ByteSliceTable();

  /** Trace and span ids as hex: a trace id repeats on every span of its trace in a request. */
  final ByteSliceTable ids = new ByteSliceTable();

  final KeyListCache keyLists = new KeyListCache();
  final TruncationCounts counts = new TruncationCounts();
  IngestLimiter limiter;

  /** The attributes as stored, within the limits; truncations counted as pending. */
  KeyValues kept(AttributeBuffer attributes, Truncation dropped) {
    return attributes.kept(limiter, keyLists, counts, dropped);
  }

  void start(byte[] body, IngestLimiter requestLimiter) {
    reader.reset(body);
    strings.reset(body);
    values.reset(body);
    pairs.reset(body);
    ids.reset(body);
    keyLists.clear();
    counts.clear();
    limiter = requestLimiter;
  }

  /** Lets go of the request (buffer, strings) so an idle decoder keeps nothing of it alive. */
  void release() {
    reader.release();
    strings.reset(null);
    values.reset(null);
    pairs.reset(null);
    ids.reset(null);
    keyLists.clear();
    limiter = null;
  }
}
