package org.trollscan.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trollscan.cli.Main;
import org.trollscan.model.TinyModels;

/**
 * Every hostile input in src/test/resources/hostile through the real {@code score} command,
 * checked against expectations.tsv: exit code, a fragment of the message, and the invariant
 * rows read = rows written + rows rejected.
 */
class HostileInputTest {
  static final Path DIR = Path.of("src/test/resources/hostile");
  @TempDir static Path tmp;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  record Run(int code, String out, String err) {}

  static Run score(String... args) {
    List<String> all = new ArrayList<>(List.of("score", "--model", model));
    all.addAll(List.of(args));
    return run(all.toArray(new String[0]));
  }

  /** Any trollscan command line, run in-process with an empty stdin. */
  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> expectations() throws IOException {
    return Files.readAllLines(DIR.resolve("expectations.tsv")).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("\t"))
        .map(c -> Arguments.of(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5]));
  }

  @ParameterizedTest(name = "{0} exits {1}")
  @MethodSource("expectations")
  void eachHostileInputHasItsDocumentedOutcome(String file, int exit, String fragment,
      String read, String written, String rejected) {
    Run r = score(DIR.resolve(file).toString());
    assertEquals(exit, r.code(), r.err());
    assertTrue(r.err().contains(fragment), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    if (r.code() == 3) {
      assertEquals(1, r.err().lines().count(), "one line for a user mistake: " + r.err());
      assertEquals("", r.out());
    }
    if (!read.equals("-")) {
      long dataRows = r.out().lines().count() - 1;
      assertEquals(Long.parseLong(written), dataRows);
      assertEquals(Long.parseLong(read), Long.parseLong(written) + Long.parseLong(rejected));
    }
  }

  @Test
  void aTenMegabytePostIsScoredOnAPrefixWithBoundedMemoryAndMarked() throws IOException {
    Path big = tmp.resolve("huge.jsonl");
    String text = "ring social services on her ".repeat(10_000_000 / 28);
    Files.writeString(big, "{\"id\":\"big\",\"text\":\"" + text + "\"}\n{\"id\":\"small\",\"text\":\"hi\"}\n");
    Run r = score("--output-format", "jsonl", big.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().findFirst().orElseThrow().contains("\"truncated\":true"));
    assertTrue(r.err().contains("1 scored on their first 20000 characters"), r.err());
  }

  @Test
  void aClosedOutputPipeEndsQuietly() throws IOException {
    Path many = tmp.resolve("many.csv");
    StringBuilder sb = new StringBuilder("id,text\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(i).append(",post number ").append(i).append('\n');
    }
    Files.writeString(many, sb);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.io.OutputStream closedPipe = new java.io.OutputStream() {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (++written > 100) {
          throw new IOException("Broken pipe");
        }
      }
    };
    int code = Main.run(new String[] {"score", "--model", model, many.toString()},
        new ByteArrayInputStream(new byte[0]), closedPipe,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("Exception"), err.toString());
  }
}
