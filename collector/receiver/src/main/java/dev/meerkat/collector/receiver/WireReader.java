package dev.meerkat.collector.receiver;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A {@link CodedInputStream} over one request's bytes, for decoders that read OTLP field by field
 * instead of building protobuf-java's message objects. Nested messages are entered and left here
 * exactly as the generated parsers do ({@code CodedInputStream.readMessage}: length, depth check,
 * limit; on leaving, a truncated message fails), so malformed input fails with the same {@link
 * InvalidProtocolBufferException} message as {@code parseFrom}. Strings and byte fields are read as
 * slices of the request buffer, so a repeated string can be looked up before it is decoded.
 */
final class WireReader {

  /** protobuf-java's default nesting limit ({@code CodedInputStream.defaultRecursionLimit}). */
  static final int RECURSION_LIMIT = 100;

  private static final HexFormat HEX = HexFormat.of();

  /** protobuf-java's message for a string field that is not UTF-8 (proto3 requires it). */
  static final String INVALID_UTF8 = "Protocol message had invalid UTF-8.";

  private byte[] buffer;
  private CodedInputStream in;
  private int depth;
  private byte lastStringKind;

  void reset(byte[] body) {
    buffer = body;
    in = CodedInputStream.newInstance(body);
    depth = 0;
    in.setRecursionLimit(RECURSION_LIMIT);
  }

  /** Drops the request buffer so a pooled reader does not keep it alive. */
  void release() {
    buffer = null;
    in = null;
  }

  byte[] buffer() {
    return buffer;
  }

  /** Offset of the next byte to read in {@link #buffer()}. */
  int position() {
    return in.getTotalBytesRead();
  }

  int readTag() throws IOException {
    return in.readTag();
  }

  /** Skips a field this decoder does not store (or stores in another pass), as unknown. */
  void skip(int tag) throws IOException {
    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_START_GROUP) {
      limitNestingToWhatRemains(); // the stream checks its own depth while it skips a group
    }
    // At nesting depth 0 an END_GROUP tag throws here, as the generated parsers do.
    in.skipField(tag);
  }

  // The stream counts no depth for the messages this reader enters: its limit is set to what the
  // generated parsers would have left before the stream nests on its own (groups, parsers).
  private void limitNestingToWhatRemains() {
    in.setRecursionLimit(RECURSION_LIMIT - depth);
  }

  int fixed32() throws IOException {
    return in.readFixed32();
  }

  long fixed64() throws IOException {
    return in.readFixed64();
  }

  /** An enum, int32 or int64 varint (the generated code reads enums as 10-byte varints too). */
  int enumValue() throws IOException {
    return in.readEnum();
  }

  long int64() throws IOException {
    return in.readInt64();
  }

  int uint32() throws IOException {
    return in.readUInt32();
  }

  boolean bool() throws IOException {
    return in.readBool();
  }

  double doubleValue() throws IOException {
    return in.readDouble();
  }

  /**
   * Enters an embedded message: reads its length and limits reading to it. Returns the outer limit
   * for {@link #leave(int)}.
   */
  int enter() throws IOException {
    return enter(length());
  }

  /**
   * The length of an embedded message, read as protobuf-java reads it; then {@link #enter(int)}.
   */
  int length() throws IOException {
    return in.readUInt32();
  }

  /** Whether {@code length} bytes from here are inside the message being read and the buffer. */
  boolean fits(int length) {
    return length >= 0 && length <= available();
  }

  /** {@link #enter()} once the length was read (to look the message's bytes up first). */
  int enter(int length) throws IOException {
    if (depth >= RECURSION_LIMIT) {
      limitNestingToWhatRemains();
      in.checkRecursionLimit(); // throws protobuf-java's "too many levels of nesting"
    }
    int outer = in.pushLimit(length);
    depth++;
    return outer;
  }

  void leave(int outer) throws IOException {
    depth--;
    int left = in.getBytesUntilLimit();
    if (left != 0) {
      // The buffer ended before the message did: the same "truncated" failure as protobuf-java.
      in.skipRawBytes(left);
    }
    in.popLimit(outer);
  }

  /**
   * Reads an embedded message this decoder does not store with protobuf-java's own parser, so it is
   * validated exactly as {@code parseFrom} would (strings, nesting, unknown fields).
   */
  <T> T message(Parser<T> parser) throws IOException {
    int outer = enter();
    limitNestingToWhatRemains();
    T message = parser.parsePartialFrom(in, ExtensionRegistryLite.getEmptyRegistry());
    in.checkLastTagWas(0);
    leave(outer);
    return message;
  }

  /**
   * Reads the length of a string or bytes field and checks that many bytes are left; the field's
   * bytes start at {@link #position()} and are consumed by {@link #skipBytes(int)}.
   */
  int sliceLength() throws IOException {
    int length = in.readUInt32();
    if (!fits(length)) {
      in.skipRawBytes(length); // throws protobuf-java's negative-size or truncated failure
    }
    return length;
  }

  void skipBytes(int length) throws IOException {
    in.skipRawBytes(length);
  }

  private int available() {
    int untilLimit = in.getBytesUntilLimit();
    int untilEnd = buffer.length - position();
    return untilLimit < 0 ? untilEnd : Math.min(untilLimit, untilEnd);
  }

  /**
   * A string field, interned in {@code strings}; fails on invalid UTF-8 like protobuf-java. Its
   * {@link WellKnownKeys} number is {@link #lastStringKind()}, found once per distinct string.
   */
  String string(ByteSliceTable strings) throws IOException {
    int length = sliceLength();
    if (length == 0) {
      lastStringKind = WellKnownKeys.NONE;
      return "";
    }
    int offset = position();
    int slot = strings.find(buffer, offset, length);
    String text;
    if (slot >= 0) {
      text = strings.text(slot);
      lastStringKind = strings.kind(slot);
    } else {
      text = utf8(offset, length);
      lastStringKind = WellKnownKeys.of(text);
      strings.put(buffer, offset, length, slot, text, lastStringKind, 0, null);
    }
    in.skipRawBytes(length);
    return text;
  }

  /** The {@link WellKnownKeys} number of the string {@link #string} read last. */
  byte lastStringKind() {
    return lastStringKind;
  }

  /** Decodes UTF-8 as protobuf-java's {@code readStringRequireUtf8}: invalid input fails. */
  String utf8(int offset, int length) throws InvalidProtocolBufferException {
    String text = new String(buffer, offset, length, StandardCharsets.UTF_8);
    // The JDK replaces malformed input with U+FFFD; only then is a strict check needed.
    if (text.indexOf('\uFFFD') >= 0
        && !UnsafeByteOperations.unsafeWrap(buffer, offset, length).isValidUtf8()) {
      throw new InvalidProtocolBufferException(INVALID_UTF8);
    }
    return text;
  }

  /**
   * A bytes field kept as where it is in the buffer: offset in the high, length in the low 32 bits
   * (an id is validated by its length first, and turned into text only for a span that is kept).
   */
  long slice() throws IOException {
    int length = sliceLength();
    int offset = position();
    in.skipRawBytes(length);
    return (long) offset << 32 | length;
  }

  static int lengthOf(long slice) {
    return (int) slice;
  }

  /** A {@link #slice()} as lower-case hex ("" when empty), interned in {@code ids}. */
  String hex(ByteSliceTable ids, long slice) {
    int offset = (int) (slice >>> 32);
    int length = (int) slice;
    if (length == 0) {
      return "";
    }
    int slot = ids.find(buffer, offset, length);
    String text = slot >= 0 ? ids.text(slot) : null;
    if (text == null) {
      text = HEX.formatHex(buffer, offset, offset + length);
      ids.put(buffer, offset, length, slot, text, ByteSliceTable.TEXT, 0, null);
    }
    return text;
  }
}
