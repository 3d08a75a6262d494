package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/** End-to-end runs of {@code trollscan score} on the sample files in samples/. */
class ScoreCommandTest {
  @TempDir static Path dir;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
  }

  static List<String> header(String text) {
    return List.of(text.lines().findFirst().orElseThrow().split(","));
  }

  @Test
  void scoresAForumExportWithOneRowPerPostInInputOrder() throws IOException {
    Cli.Result r = Cli.run("score", "--model", model, "--id-column", "post_id",
        "--keep", "author,thread_id", "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "author", "thread_id"), header(r.out()));
    List<CSVRecord> rows = csv(r.out());
    assertEquals(20, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals("p" + (i + 1), rows.get(i).get("id"));
      double p = Double.parseDouble(rows.get(i).get("harassment"));
      assertTrue(p >= 0 && p <= 1);
    }
    assertTrue(r.err().contains("20 rows read, 20 written, 0 rejected"), r.err());
  }

  @Test
  void flaggedRowsCarryEvidenceFromThePostItself() throws IOException {
    Cli.Result r = Cli.run("score", "--model", model, "--keep-all", "samples/forum_thread.csv");
    for (CSVRecord row : csv(r.out())) {
      for (String label : List.of("harassment", "false_report")) {
        List<String> phrases = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
            row.get(label + "_evidence"),
            new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
        assertEquals(List.of(row.get("flagged").split(";")).contains(label),
            !phrases.isEmpty(), row.toString());
        for (String phrase : phrases) {
          assertTrue(row.get("text").contains(phrase), phrase);
        }
      }
    }
  }

  @Test
  void onlyFlaggedWritesFlaggedRowsAndCountsTheRest() throws IOException {
    Cli.Result all = Cli.run("score", "--model", model, "samples/forum_thread.csv");
    long flagged = csv(all.out()).stream().filter(r -> !r.get("flagged").isEmpty()).count();
    Cli.Result only = Cli.run("score", "--model", model, "--only-flagged", "samples/forum_thread.csv");
    assertEquals(flagged, csv(only.out()).size());
    assertTrue(only.err().contains("not flagged (not written: --only-flagged)"), only.err());
  }

  @Test
  void readsStdinAsCsvAndWritesJsonLines() {
    Cli.Result r = Cli.runWithStdin("id,text\na,ring social services on her\nb,lovely day\n",
        "score", "--model", model, "--output-format", "jsonl", "-");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("{\"id\":\"a\",\"harassment\":"), lines.get(0));
    assertTrue(lines.get(1).contains("\"flagged\":[]"), lines.get(1));
  }

  @Test
  void aPostPipedWithoutAHeaderIsPointedToFormatTextAndScoredWithIt() {
    String post = "someone ring social services on her\n";
    Cli.Result csv = Cli.runWithStdin(post, "score", "--model", model, "-");
    assertEquals(3, csv.exitCode(), csv.err());
    assertTrue(csv.err().contains("--format text for one post per line"), csv.err());
    Cli.Result text = Cli.runWithStdin(post, "score", "--model", model, "--format", "text", "-");
    assertEquals(0, text.exitCode(), text.err());
    assertEquals(2, text.out().lines().count(), text.out());
  }

  @Test
  void readsJsonLinesAndPlainTextByExtension() {
    Cli.Result jsonl = Cli.run("score", "--model", model, "--text-field", "body",
        "samples/scrape.jsonl");
    assertEquals(0, jsonl.exitCode(), jsonl.err());
    assertEquals(8, jsonl.out().lines().count());
    assertTrue(jsonl.out().lines().skip(1).findFirst().orElseThrow().startsWith("r_9k2a,"));
    Cli.Result text = Cli.run("score", "--model", model, "samples/posts.txt");
    assertEquals(7, text.out().lines().count());
  }

  @Test
  void outputFileAppearsCompleteAndNoTemporaryFileIsLeft() throws IOException {
    Path out = dir.resolve("out/scored.csv");
    Cli.Result r = Cli.run("score", "--model", model, "-o", out.toString(), "samples/posts.txt");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(7, Files.readAllLines(out).size());
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(List.of(out, out.resolveSibling("scored.csv.meta.json")),
          files.sorted().toList());
    }
  }

  @Test
  void anInputErrorLeavesNoOutputFileBehind() throws IOException {
    Path out = dir.resolve("failed/scored.csv");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,text\n1,fine\n2,\"never closed\n");
    Cli.Result r = Cli.run("score", "--model", model, "-o", out.toString(), bad.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode());
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void rejectedRowsAreCountedWrittenToTheErrorsFileAndGiveTheirOwnExitCode() throws IOException {
    Path in = dir.resolve("ragged.csv");
    Files.writeString(in, "id,text\n1,fine\n2,a,b\n3\n4,also fine\n");
    Path errors = dir.resolve("errors.csv");
    Cli.Result r = Cli.run("score", "--model", model, "--errors", errors.toString(), in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode());
    assertEquals(2, csv(r.out()).size());
    assertTrue(r.err().contains("4 rows read, 2 written, 2 rejected"), r.err());
    List<CSVRecord> rejected = csv(Files.readString(errors));
    assertEquals("3", rejected.get(0).get("line"));
    assertEquals("row has 1 fields, the header has 2", rejected.get(1).get("reason"));
  }

  @Test
  void withoutAnErrorsFileTheFirstRejectedRowsAreNamedOnStderrEvenWhenQuiet() throws IOException {
    Path in = dir.resolve("ragged3.csv");
    Files.writeString(in, "id,text\n1,fine\n2,a,b\n3\n4\n5\n6,also fine\n");
    Cli.Result r = Cli.run("score", "--model", model, "-q", in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode());
    assertEquals(2, csv(r.out()).size());
    assertTrue(r.err().contains(in + ":3: row has 3 fields"), r.err());
    assertTrue(r.err().contains(in + ":4: row has 1 fields"), r.err());
    assertTrue(r.err().contains(in + ":5: row has 1 fields"), r.err());
    assertFalse(r.err().contains(in + ":6:"), r.err());
    assertTrue(r.err().contains("1 more row rejected; --errors FILE lists every rejected row"),
        r.err());
  }

  @Test
  void strictStopsAtTheFirstRejectedRow() throws IOException {
    Path in = dir.resolve("ragged2.csv");
    Files.writeString(in, "id,text\n1,fine\n2,a,b\n");
    Cli.Result r = Cli.run("score", "--model", model, "--strict", in.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode());
    assertTrue(r.err().contains(in + ":3: row has 3 fields"), r.err());
  }

  @Test
  void spreadsheetFormulasAreNeutralisedUnlessTurnedOff() throws IOException {
    Path in = dir.resolve("formula.csv");
    Files.writeString(in, "id,text\n=1+1,\"=HYPERLINK(\"\"x\"\")\"\n");
    Cli.Result safe = Cli.run("score", "--model", model, "--keep", "text", in.toString());
    CSVRecord row = csv(safe.out()).get(0);
    assertEquals("'=1+1", row.get("id"));
    assertEquals("'=HYPERLINK(\"x\")", row.get("text"));
    Cli.Result raw = Cli.run("score", "--model", model, "--keep", "text",
        "--no-spreadsheet-safety", in.toString());
    assertEquals("=1+1", csv(raw.out()).get(0).get("id"));
  }

  @Test
  void thresholdOverrideChangesFlags() throws IOException {
    Cli.Result r = Cli.run("score", "--model", model, "--threshold", "harassment=1",
        "--threshold", "false_report=1", "samples/posts.txt");
    assertTrue(csv(r.out()).stream().allMatch(x -> x.get("flagged").isEmpty()));
  }

  @Test
  void userMistakesGiveOneLineAndTheirExitCodeWithoutAStackTrace() {
    Cli.Result missing = Cli.run("score", "--model", model, "no/such/file.csv");
    assertEquals(ExitCodes.INPUT, missing.exitCode());
    assertEquals("trollscan: no/such/file.csv: no such file\n", missing.err());
    assertEquals("", missing.out());

    Cli.Result column = Cli.run("score", "--model", model, "--text-column", "body",
        "samples/forum_thread.csv");
    assertEquals(ExitCodes.INPUT, column.exitCode());
    assertTrue(column.err().contains("the columns are: thread_id, post_id, author, timestamp, text"),
        column.err());

    Cli.Result badModel = Cli.run("score", "--model", "samples/posts.txt", "samples/posts.txt");
    assertEquals(ExitCodes.MODEL, badModel.exitCode());
    assertFalse(badModel.err().contains("\tat "), badModel.err());

    Cli.Result usage = Cli.run("score", "--no-such-option");
    assertEquals(ExitCodes.USAGE, usage.exitCode());

    Cli.Result label = Cli.run("score", "--model", model, "--threshold", "spam=0.5",
        "samples/posts.txt");
    assertEquals(ExitCodes.USAGE, label.exitCode());
    assertTrue(label.err().contains("unknown label 'spam'"), label.err());
  }

  @Test
  void helpAndVersionWorkAndListEverySubcommand() {
    Cli.Result help = Cli.run("--help");
    assertEquals(0, help.exitCode());
    for (String command : List.of("score", "train", "eval", "explain", "summarize", "help")) {
      assertTrue(help.out().contains("  " + command + " "), help.out());
    }
    assertEquals(0, Cli.run("score", "--help").exitCode());
    Cli.Result helpTrain = Cli.run("help", "train");
    assertEquals(0, helpTrain.exitCode());
    assertTrue(helpTrain.out().contains("--l2"), helpTrain.out());
    Cli.Result typo = Cli.run("scroe", "x.csv");
    assertEquals(2, typo.exitCode());
    assertTrue(typo.err().contains("score"), typo.err());
    Cli.Result v = Cli.run("--version");
    assertTrue(v.out().startsWith("trollscan "), v.out());
    assertTrue(v.out().contains("default model"), v.out());
  }

  @Test
  void rowNumbersStandingInForAMissingIdColumnAreWarnedAboutOnce() {
    Cli.Result numbered = Cli.runWithStdin("post_id,text\n7,hello\n8,ring her\n", "score",
        "--model", model, "--quiet", "-");
    assertEquals(0, numbered.exitCode(), numbered.err());
    assertEquals("trollscan: warning: standard input has no id column or field 'id', so 2 posts"
        + " have their row number as id (name yours with --id-column or --id-field)\n",
        numbered.err());
    assertEquals(List.of("1", "2"), numbered.out().lines().skip(1)
        .map(l -> l.substring(0, l.indexOf(','))).toList());
    Cli.Result named = Cli.runWithStdin("post_id,text\n7,hello\n", "score", "--model", model,
        "--quiet", "--id-column", "post_id", "-");
    assertEquals("", named.err());
    Cli.Result text = Cli.runWithStdin("hello\n", "score", "--model", model, "--quiet",
        "--format", "text", "-");
    assertEquals("", text.err(), "plain text has no ids to miss");
  }
}
