package dev.meerkat.collector.pipeline.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.collector.pipeline.Admission;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  private static final long WAIT = TimeUnit.SECONDS.toNanos(10);
  @TempDir Path directory;

  private static SpoolOptions options(long maxBytes, long segmentBytes, FsyncPolicy fsync) {
    return new SpoolOptions(maxBytes, segmentBytes, fsync, Duration.ofMillis(10));
  }

  private static SpoolOptions defaults() {
    return options(1 << 20, 1 << 16, FsyncPolicy.ALWAYS);
  }

  private static Admission append(Spool spool, String text) throws Exception {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return spool.append(payload, payload.length, 1).get(10, TimeUnit.SECONDS);
  }

  private static List<String> readAll(Spool spool, int count) throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SpoolEntry entry = spool.reader().next(WAIT);
      texts.add(entry.seq() + ":" + new String(entry.payload(), StandardCharsets.UTF_8));
    }
    return texts;
  }

  private List<String> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".seg"))
          .sorted()
          .toList();
    }
  }

  @Test
  void readsBackConcurrentAppendsInOrder() throws Exception {
    try (Spool spool = Spool.open(directory, defaults())) {
      List<CompletableFuture<Admission>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        byte[] payload = ("record " + i).getBytes(StandardCharsets.UTF_8);
        answers.add(spool.append(payload, payload.length, 1));
      }
      for (CompletableFuture<Admission> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
      }
      List<String> read = readAll(spool, 50);
      assertThat(read.get(0)).isEqualTo("0:record 0");
      assertThat(read.get(49)).isEqualTo("49:record 49");
      assertThat(spool.reader().next(TimeUnit.MILLISECONDS.toNanos(20))).isNull();
      assertThat(spool.stats().pendingItems()).isEqualTo(50);
    }
  }

  @Test
  void alwaysPolicyAcknowledgesAfterAnFsync() throws Exception {
    try (Spool spool = Spool.open(directory, defaults())) {
      assertThat(spool.syncs()).isZero();
      assertThat(append(spool, "a")).isEqualTo(Admission.ACCEPTED);
      assertThat(spool.syncs()).isEqualTo(1);
      assertThat(append(spool, "b")).isEqualTo(Admission.ACCEPTED);
      assertThat(spool.syncs()).isEqualTo(2);
    }
  }

  @Test
  void intervalPolicyAcknowledgesOnceWrittenBeforeAnyFsync() throws Exception {
    SpoolOptions hourly =
        new SpoolOptions(1 << 20, 1 << 16, FsyncPolicy.INTERVAL, Duration.ofHours(1));
    try (Spool spool = Spool.open(directory, hourly)) {
      byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
      assertThat(spool.append(payload, 1, 1)).isCompletedWithValue(Admission.ACCEPTED);
      assertThat(spool.syncs()).isZero();
      assertThat(readAll(spool, 1)).containsExactly("0:x"); // readable before the fsync too
    }
  }

  @Test
  void resumesAfterTheCommittedCursorAndDeletesCommittedSegments() throws Exception {
    SpoolOptions small = options(1 << 20, 1024, FsyncPolicy.ALWAYS);
    try (Spool spool = Spool.open(directory, small)) {
      for (int i = 0; i < 40; i++) {
        append(spool, "r" + i + "-" + "x".repeat(100)); // ~ 8 records per 1 KiB segment
      }
      readAll(spool, 40);
      spool.commit(10, 20, 10); // out of order: nothing contiguous yet
      assertThat(spool.stats().pendingRecords()).isEqualTo(40);
      spool.commit(0, 10, 10);
      assertThat(spool.stats().pendingRecords()).isEqualTo(20);
      assertThat(spool.stats().pendingItems()).isEqualTo(20);
    }
    // The segments wholly before record 20 are gone; the rest replays from record 20.
    assertThat(segmentFiles().get(0)).isEqualTo(String.format("%020d.seg", 18));
    try (Spool spool = Spool.open(directory, small)) {
      SpoolEntry first = spool.reader().next(WAIT);
      assertThat(first.seq()).isEqualTo(20);
      assertThat(new String(first.payload(), StandardCharsets.UTF_8)).startsWith("r20-");
      assertThat(first.replayed()).isTrue();
      assertThat(readAll(spool, 19).get(18)).startsWith("39:r39-");
      append(spool, "new");
      SpoolEntry fresh = spool.reader().next(WAIT);
      assertThat(fresh.seq()).isEqualTo(40);
      assertThat(fresh.replayed()).isFalse();
      assertThat(spool.stats().pendingItems()).isEqualTo(21);
      spool.commit(20, 41, 21);
      assertThat(spool.stats().segments()).isEqualTo(1);
    }
  }

  @Test
  void truncatesATornTailOnceAndKeepsEverythingBeforeIt() throws Exception {
    try (Spool spool = Spool.open(directory, defaults())) {
      append(spool, "one");
      append(spool, "two");
      append(spool, "three");
    }
    Path segment = directory.resolve(segmentFiles().get(0));
    long size = Files.size(segment);
    // A crash in the middle of the third record: its last bytes never reached the disk.
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(size - 2);
    }
    try (Spool spool = Spool.open(directory, defaults())) {
      assertThat(spool.truncatedOnOpen()).isEqualTo(1);
      assertThat(readAll(spool, 2)).containsExactly("0:one", "1:two");
      append(spool, "four");
      assertThat(readAll(spool, 1)).containsExactly("2:four");
    }
    try (Spool spool = Spool.open(directory, defaults())) {
      assertThat(spool.truncatedOnOpen()).isZero(); // counted once, not at every start
      assertThat(readAll(spool, 3)).containsExactly("0:one", "1:two", "2:four");
    }
  }

  @Test
  void truncatesAtARecordWhoseChecksumDoesNotMatch() throws Exception {
    try (Spool spool = Spool.open(directory, defaults())) {
      append(spool, "good");
      append(spool, "flipped");
    }
    Path segment = directory.resolve(segmentFiles().get(0));
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 1] ^= 0x01; // last byte of "flipped"
    Files.write(segment, bytes);
    try (Spool spool = Spool.open(directory, defaults())) {
      assertThat(spool.truncatedOnOpen()).isEqualTo(1);
      assertThat(readAll(spool, 1)).containsExactly("0:good");
      assertThat(spool.reader().next(TimeUnit.MILLISECONDS.toNanos(20))).isNull();
    }
  }

  @Test
  void refusesAppendsBeyondItsBoundAndRecordsThatCanNeverFit() throws Exception {
    try (Spool spool = Spool.open(directory, options(2048, 1024, FsyncPolicy.ALWAYS))) {
      byte[] record = new byte[480]; // 500 bytes with the record header
      List<Admission> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(spool.append(record, record.length, 1).get(10, TimeUnit.SECONDS));
      }
      byte[] huge = new byte[4096];

      // 2048 bytes: two segment headers (16 each) and 4 records of 500 (3 + 1 per segment)
      assertThat(answers)
          .containsExactly(
              Admission.ACCEPTED,
              Admission.ACCEPTED,
              Admission.ACCEPTED,
              Admission.ACCEPTED,
              Admission.RETRY_LATER);
      assertThat(spool.stats().bytes()).isEqualTo(2032);
      assertThat(spool.append(huge, huge.length, 1)).isCompletedWithValue(Admission.TOO_LARGE);
      readAll(spool, 4);
      spool.commit(0, 3, 3); // frees the first segment
      assertThat(spool.append(record, record.length, 1).get(10, TimeUnit.SECONDS))
          .isEqualTo(Admission.ACCEPTED);
    }
  }

  @Test
  void replaysEverythingWhenTheCursorIsCorrupt() throws Exception {
    try (Spool spool = Spool.open(directory, defaults())) {
      append(spool, "a");
      append(spool, "b");
      readAll(spool, 2);
      spool.commit(0, 1, 1);
    }
    Files.write(directory.resolve("cursor"), new byte[12]);
    try (Spool spool = Spool.open(directory, defaults())) {
      assertThat(readAll(spool, 2)).containsExactly("0:a", "1:b");
    }
  }

  @Test
  void keepsItsIdentityAcrossRestartsForTokens() throws Exception {
    String token;
    try (Spool spool = Spool.open(directory, defaults())) {
      token = spool.token(7);
    }
    try (Spool spool = Spool.open(directory, defaults())) {
      assertThat(spool.token(7)).isEqualTo(token).matches("[0-9a-f]{16}-7");
    }
    try (Spool other = Spool.open(directory.resolve("other"), defaults())) {
      assertThat(other.token(7)).isNotEqualTo(token);
    }
  }

  @Test
  void takesANewIdentityWhenSequenceNumbersMayRestart() throws Exception {
    String token;
    try (Spool spool = Spool.open(directory, defaults())) {
      append(spool, "a");
      token = spool.token(0);
    }
    for (String segment : segmentFiles()) {
      Files.delete(directory.resolve(segment));
    }
    Files.write(directory.resolve("cursor"), new byte[12]); // and the cursor is unreadable

    try (Spool spool = Spool.open(directory, defaults())) {
      append(spool, "b");
      assertThat(readAll(spool, 1)).containsExactly("0:b");
      assertThat(spool.token(0)).isNotEqualTo(token);
    }
  }
}
