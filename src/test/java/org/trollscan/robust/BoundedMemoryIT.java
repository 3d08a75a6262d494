package org.trollscan.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile sizes through the real launcher and jar, in a child JVM with the launcher's 256 MiB
 * heap (an integration test: it needs {@code mvn package}). The inputs are gzip bombs generated
 * here, about a megabyte each on disk: a 1 GB line is many gzip members of 1 MB of one letter
 * (a single member would take seconds to compress; the reader sees the same bytes either way).
 * Before issue 25 each of these ended in "Exception in thread main" (OutOfMemoryError).
 */
class BoundedMemoryIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/trollscan-cli.jar");
  private static final long MB = 1 << 20;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run score(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    List<String> command = new ArrayList<>(List.of("sh", ROOT.resolve("bin/trollscan").toString(),
        "score"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = new Thread(() -> {
      try {
        p.getErrorStream().transferTo(err);
      } catch (IOException e) {
        // The process is gone; what it said so far is in err.
      }
    });
    errReader.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "trollscan did not finish");
    errReader.join();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static byte[] member(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] member(String data) throws IOException {
    return member(data.getBytes(StandardCharsets.UTF_8));
  }

  /** A .gz file: head, then {@code megabytes} MB of {@code filler}, then tail. */
  private Path bomb(String name, String head, String filler, long megabytes, String tail)
      throws IOException {
    Path f = dir.resolve(name);
    byte[] unit = filler.getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[(int) MB];
    for (int i = 0; i < block.length; i++) {
      block[i] = unit[i % unit.length];
    }
    byte[] middle = member(block);
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(member(head));
      for (long i = 0; i < megabytes; i++) {
        out.write(middle);
      }
      out.write(member(tail));
    }
    assertTrue(Files.size(f) < 2 * MB, "the bomb is small on disk: " + Files.size(f));
    return f;
  }

  private static void assertNoCrash(Run r) {
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aOneGigabyteCsvLineIsScoredOnItsStartAndTheNextRowRead() throws Exception {
    Path f = bomb("line.csv.gz", "id,text\n1,ring social services on her ", "a", 1024,
        "\n2,small post\n");
    Run r = score(f.toString());
    assertNoCrash(r);
    assertEquals(0, r.code(), r.err());
    List<String> rows = r.out().lines().toList();
    assertEquals(3, rows.size(), r.out());
    assertTrue(rows.get(1).startsWith("1,") && rows.get(2).startsWith("2,"), r.out());
    assertTrue(r.err().contains("2 rows read, 2 written, 0 rejected, 1 scored on their first"
        + " 20000 characters"), r.err());
  }

  @Test
  void aQuarterGigabyteJsonTextIsScoredOnItsStart() throws Exception {
    Path f = bomb("text.jsonl.gz", "{\"id\":\"big\",\"text\":\"ring social services on her ",
        "ab \\n", 256, "\"}\n{\"id\":\"small\",\"text\":\"hi\"}\n");
    Run r = score("--output-format", "jsonl", f.toString());
    assertNoCrash(r);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().findFirst().orElseThrow().contains("\"truncated\":true"), r.out());
    assertTrue(r.err().contains("2 rows read, 2 written, 0 rejected"), r.err());
  }

  @Test
  void aHundredAndTwentyEightMegabyteFieldOverManyLinesRejectsItsRowOnly() throws Exception {
    Path f = bomb("field.csv.gz", "id,text,notes\n1,hello there,\"", "a line of notes\n", 128,
        "\"\n2,second post,ok\n");
    Run r = score(f.toString());
    assertNoCrash(r);
    assertEquals(6, r.code(), r.err());
    assertTrue(r.err().contains("field.csv.gz:2: the fields other than 'text' hold more than"
        + " 16,384 characters together"), r.err());
    assertTrue(r.err().contains("2 rows read, 1 written, 1 rejected"), r.err());
    assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().startsWith("2,"), r.out());
  }

  @Test
  void manyRowsAtTheReadersBoundsFitTheHeapOnEightThreads() throws Exception {
    // Each row holds what the readers keep at most: a 20,001-character text and 16,000 other
    // characters. 256-row batches of them, three per thread in flight, overran the heap.
    String text = "р".repeat(20_001);
    String notes = "n".repeat(16_000);
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      block.append(i).append(',').append(text).append(',').append(notes).append('\n');
    }
    byte[] rows = member(block.toString());
    Path f = dir.resolve("wide.csv.gz");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(member("id,text,notes\n"));
      for (int i = 0; i < 160; i++) {
        out.write(rows);
      }
    }
    Run r = score("--threads", "8", "--keep-all", "-o", dir.resolve("wide.csv").toString(),
        f.toString());
    assertNoCrash(r);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("8,000 rows read, 8,000 written, 0 rejected"), r.err());
  }

  @Test
  void aOneGigabyteHeaderLineIsRefusedAtOnce() throws Exception {
    Path f = bomb("header.csv.gz", "id,text,", "h", 1024, "\n1,x,y\n");
    long start = System.nanoTime();
    Run r = score(f.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("header.csv.gz:1: the header row is too long"), r.err());
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "it does not read the gigabyte");
  }
}
