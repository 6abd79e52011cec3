package dev.meerkat.collector.pipeline.codec;

import java.util.List;

/**
 * Encodes one signal's records into the compact binary payload of a spool record, and back. Each
 * codec writes a version byte first and reads every version it ever wrote, so a spool left by an
 * older collector replays after an upgrade: add fields by writing a new version.
 *
 * @param <T> the record type
 */
public interface RecordCodec<T> {

  /** Appends all of {@code items} to {@code out}. */
  void encode(List<T> items, CodecOutput out);

  /** Reads back a payload written by {@link #encode}. */
  List<T> decode(CodecInput in);
}
