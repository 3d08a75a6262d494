package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.input.PausingPipe;
import org.trollscan.model.TinyModels;

/** {@code score} end to end on what the input options name, and on inputs read without loss. */
class InputOptionsCommandTest {
  @TempDir static Path dir;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  private static Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void assertOneLineInputError(Cli.Result r, String fragment) {
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(fragment), r.err());
    assertEquals("", r.out());
  }

  @Test
  void anIdColumnThatDoesNotExistIsAnInputErrorNotRowNumbers() throws IOException {
    Path f = write("ids.csv", "post_id,text\np1,hello\n");
    assertOneLineInputError(Cli.run("score", "--model", model, "--id-column", "pid", f.toString()),
        "ids.csv:1: no id column 'pid' (--id-column); the columns are: post_id, text");
    Cli.Result named = Cli.run("score", "--model", model, "--id-column", "post_id", f.toString());
    assertEquals(0, named.exitCode(), named.err());
    assertTrue(named.out().lines().skip(1).findFirst().orElseThrow().startsWith("p1,"));
    Cli.Result byDefault = Cli.run("score", "--model", model, f.toString());
    assertEquals(0, byDefault.exitCode(), byDefault.err());
    assertTrue(byDefault.out().lines().skip(1).findFirst().orElseThrow().startsWith("1,"));
  }

  @Test
  void aKeptColumnThatDoesNotExistStopsAtTheHeaderEvenWhenNothingIsFlagged() throws IOException {
    Path f = write("keep.csv", "id,text\n1,hello there\n");
    assertOneLineInputError(Cli.run("score", "--model", model, "--only-flagged", "--keep",
        "author", f.toString()),
        "keep.csv:1: no column [author] as the options (--keep, --thread-column, ...) name");
    Path rejectedOnly = write("keep-rejected.csv", "id,text\n1,\n");
    assertOneLineInputError(Cli.run("score", "--model", model, "--keep", "author",
        rejectedOnly.toString()), "no column [author] as the options");
    Path jsonl = write("keep.jsonl", "{\"id\":\"1\",\"text\":\"hello\"}\n");
    assertOneLineInputError(Cli.run("score", "--model", model, "--only-flagged", "--keep",
        "author", jsonl.toString()), "keep.jsonl:1: --keep names unknown field(s) [author]");
  }

  @Test
  void inputColumnsInputIdAndIdGiveOutputColumnsOfDistinctNames() throws IOException {
    Path f = write("clash.csv", "input_id,id,text\na,b,hello\n");
    Cli.Result r = Cli.run("score", "--model", model, "--keep-all", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> header = List.of(r.out().lines().findFirst().orElseThrow().split(","));
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "input_id", "input_input_id", "text"), header);
    assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().endsWith(",a,b,hello"), r.out());
  }

  @Test
  void utf16InputIsOneLineSayingHowToConvertWithoutNulBytes() throws IOException {
    Path f = dir.resolve("wide.csv");
    Files.write(f, "id,text\n1,hello\n".getBytes(StandardCharsets.UTF_16LE));
    Cli.Result r = Cli.run("score", "--model", model, f.toString());
    assertOneLineInputError(r, "wide.csv: the input is UTF-16 text");
    assertTrue(r.err().contains("iconv -f UTF-16LE -t UTF-8"), r.err());
    assertEquals(-1, r.err().indexOf('\0'));
  }

  @Test
  void emptyAndFiveByteGzFilesSayWhatIsWrong() throws IOException {
    Path empty = Files.write(dir.resolve("empty.csv.gz"), new byte[0]);
    assertOneLineInputError(Cli.run("score", "--model", model, empty.toString()),
        "empty.csv.gz: cannot read: empty gzip file");
    Path five = Files.write(dir.resolve("five.csv.gz"), "hello".getBytes());
    assertOneLineInputError(Cli.run("score", "--model", model, five.toString()),
        "five.csv.gz: cannot read: not a gzip file");
  }

  @Test
  void gzipMembersPipedWithAPauseBetweenThemAreAllScored() throws IOException {
    byte[] first = gzip("id,text\n1,first\n");
    byte[] second = gzip("2,second\n3,third\n");
    InputStream pausingPipe = PausingPipe.of(first, second); // nothing available between
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"score", "--model", model, "-"}, pausingPipe, out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertEquals(4, out.toString(StandardCharsets.UTF_8).lines().count());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("3 rows read, 3 written"));
  }

  @Test
  void aJsonLineWithTwoObjectsIsARejectedRowNotHalfARow() throws IOException {
    Path f = write("two.jsonl", "{\"id\":\"a\",\"text\":\"one\"}{\"id\":\"b\",\"text\":\"two\"}\n"
        + "{\"id\":\"c\",\"text\":\"three\"}\n");
    Cli.Result r = Cli.run("score", "--model", model, f.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    assertTrue(r.err().contains("two.jsonl:1: content after the JSON object"), r.err());
    assertTrue(r.err().contains("2 rows read, 1 written, 1 rejected"), r.err());
  }

  @Test
  void blankLinesAreNotRowsInCsvJsonLinesOrText() throws IOException {
    for (String name : List.of("b.csv", "b.jsonl", "b.txt")) {
      String rows = switch (name) {
        case "b.csv" -> "id,text\n\n1,one\n   \n2,two\n\n";
        case "b.jsonl" ->
            "\n{\"id\":\"1\",\"text\":\"one\"}\n   \n{\"id\":\"2\",\"text\":\"two\"}\n\n";
        default -> "\none\n   \ntwo\n\n";
      };
      Cli.Result r = Cli.run("score", "--model", model, write(name, rows).toString());
      assertEquals(0, r.exitCode(), name + ": " + r.err());
      assertTrue(r.err().contains("2 rows read, 2 written, 0 rejected"), name + ": " + r.err());
    }
  }

  @Test
  void aHugeCsvFieldIsCutWhileReadAndThePostMarkedTruncated() throws IOException {
    Path f = dir.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("id,text\nbig,\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "ring social services on her\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 400; i++) { // 11 MB in one field, over many lines
        out.write(chunk);
      }
      out.write("\"\nsmall,hi\n".getBytes(StandardCharsets.UTF_8));
    }
    Cli.Result r = Cli.run("score", "--model", model, "--output-format", "jsonl", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().lines().findFirst().orElseThrow().contains("\"truncated\":true"), r.out());
    assertTrue(r.err().contains("2 rows read, 2 written, 0 rejected, 1 scored on their first"
        + " 20000 characters"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  private static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
