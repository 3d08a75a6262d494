package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/**
 * Every CSV trollscan writes follows one spreadsheet rule, end to end: formula starts get an
 * apostrophe in every cell, header names included; numbers such as {@code -3} never do; and
 * {@code --no-spreadsheet-safety} turns it off wherever a CSV is written.
 */
class SpreadsheetSafeOutputTest {
  @TempDir Path dir;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  @Test
  void keptColumnHeadersAreNeutralisedAndNumbersInKeptColumnsAreNot() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"),
        "id,text,=HYPERLINK(\"x\"),balance,@who\n"
        + "-7,lovely day,a,-3,=cmd\n"
        + "+2.5,ring social services on her,b,+2.5,-1e5\n"
        + "x,nice cake,c,-.5,-1+1\n");
    Cli.Result safe = Cli.run("score", "--model", model, "--keep-all", in.toString());
    assertEquals(0, safe.exitCode(), safe.err());
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,false_report_evidence,"
        + "input_id,text,"
        + "\"'=HYPERLINK(\"\"x\"\")\",balance,'@who", safe.out().lines().findFirst().orElseThrow());
    List<CSVRecord> rows = ScoreCommandTest.csv(safe.out());
    assertEquals(List.of("-7", "+2.5", "x"), rows.stream().map(r -> r.get("id")).toList());
    assertEquals(List.of("-3", "+2.5", "-.5"), rows.stream().map(r -> r.get("balance")).toList());
    assertEquals(List.of("'=cmd", "-1e5", "'-1+1"), rows.stream().map(r -> r.get("'@who"))
        .toList());

    Cli.Result raw = Cli.run("score", "--model", model, "--keep-all", "--no-spreadsheet-safety",
        in.toString());
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,false_report_evidence,"
        + "input_id,text,"
        + "\"=HYPERLINK(\"\"x\"\")\",balance,@who", raw.out().lines().findFirst().orElseThrow());
    assertEquals("=cmd", ScoreCommandTest.csv(raw.out()).get(0).get("@who"));
  }

  @Test
  void theErrorsFileIsNeutralisedUnlessTurnedOff() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "id,text\n1,fine\n=2,x,y\n-3,a,b\n");
    Path errors = dir.resolve("errors.csv");
    Cli.Result r = Cli.run("score", "--model", model, "--errors", errors.toString(),
        in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    List<CSVRecord> rejected = ScoreCommandTest.csv(Files.readString(errors));
    assertEquals("'=2,x,y", rejected.get(0).get("raw"));
    assertEquals("'-3,a,b", rejected.get(1).get("raw")); // a ragged row, not a number
    assertEquals("4", rejected.get(1).get("line"));
    Cli.Result off = Cli.run("score", "--model", model, "--errors", errors.toString(),
        "--no-spreadsheet-safety", in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, off.exitCode(), off.err());
    assertEquals("=2,x,y", ScoreCommandTest.csv(Files.readString(errors)).get(0).get("raw"));
  }

  @Test
  void evalPredictionsAreNeutralisedUnlessTurnedOff() throws IOException {
    Path data = Files.writeString(dir.resolve("gold.csv"), "id,text,harassment,false_report\n"
        + "=1+1,ring social services on her,1,1\n"
        + "-4,-lovely day,0,0\n"
        + "@x,+you absolute moron,1,0\n");
    Path predictions = dir.resolve("pred.csv");
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data.toString(), "--predictions",
        predictions.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<CSVRecord> rows = ScoreCommandTest.csv(Files.readString(predictions));
    assertEquals(List.of("'=1+1", "-4", "'@x"), rows.stream().map(x -> x.get("id")).toList());
    assertEquals(List.of("ring social services on her", "'-lovely day", "'+you absolute moron"),
        rows.stream().map(x -> x.get("text")).toList());
    assertTrue(Files.readString(predictions).contains("\r\n"), "CRLF like every CSV we write");

    Cli.Result off = Cli.run("eval", "--model", model, "--data", data.toString(),
        "--predictions", predictions.toString(), "--no-spreadsheet-safety");
    assertEquals(0, off.exitCode(), off.err());
    assertEquals("=1+1", ScoreCommandTest.csv(Files.readString(predictions)).get(0).get("id"));
  }

  @Test
  void summaryFilesAreNeutralisedExceptNumbersUnlessTurnedOff() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "id,text,thread,author\n"
        + "1,ring social services on her,=t1,=cmd|calc\n"
        + "2,you absolute moron,-5,-5\n");
    Path out = dir.resolve("summary");
    Cli.Result r = Cli.run("summarize", "--model", model, "--thread-column", "thread",
        "--author-column", "author", "--out-dir", out.toString(), in.toString());
    assertEquals(0, r.exitCode(), r.err());
    Map<String, CSVRecord> authors = ScoreCommandTest.csv(
        Files.readString(out.resolve("authors.csv"))).stream()
        .collect(Collectors.toMap(a -> a.get("author"), a -> a));
    assertEquals(java.util.Set.of("'=cmd|calc", "-5"), authors.keySet());
    List<String> threads = ScoreCommandTest.csv(Files.readString(out.resolve("threads.csv")))
        .stream().map(t -> t.get("thread")).sorted().toList();
    assertEquals(List.of("'=t1", "-5"), threads);

    Cli.Result off = Cli.run("summarize", "--model", model, "--thread-column", "thread",
        "--author-column", "author", "--no-spreadsheet-safety", "--out-dir", out.toString(),
        in.toString());
    assertEquals(0, off.exitCode(), off.err());
    assertTrue(Files.readString(out.resolve("authors.csv")).contains("=cmd|calc"));
    assertTrue(!Files.readString(out.resolve("authors.csv")).contains("'=cmd|calc"));
  }
}
