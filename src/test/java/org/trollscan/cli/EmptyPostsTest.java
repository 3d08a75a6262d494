package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts that show nothing (image-only or deleted posts in an export) are rows: scored 0 by rule
 * with the shipped model, written, counted as empty, never rejected or flagged.
 */
class EmptyPostsTest {
  @TempDir Path dir;

  /** Ids 2 to 5 show nothing: empty, spaces, a no-break space and zero-width space, a tab. */
  private Path export() throws IOException {
    return Files.writeString(dir.resolve("export.csv"), "id,text\n"
        + "1,someone ring social services on her\n2,\n3,\"   \"\n4,\"\u00a0\u200b\"\n"
        + "5,\"\t\"\n6,have a nice day\n");
  }

  @Test
  void emptyPostsAreScoredZeroWrittenCountedAndTheRunExitsZero() throws IOException {
    Path errors = dir.resolve("errors.csv");
    Cli.Result r = Cli.run("score", "--errors", errors.toString(), export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    List<CSVRecord> rows = ScoreCommandTest.csv(r.out());
    assertEquals(List.of("1", "2", "3", "4", "5", "6"),
        rows.stream().map(x -> x.get("id")).toList());
    for (CSVRecord row : rows.subList(1, 5)) {
      assertEquals("0.000000", row.get("harassment"), row.toString());
      assertEquals("0.000000", row.get("false_report"), row.toString());
      assertEquals("", row.get("flagged"), row.toString());
      assertEquals("[]", row.get("harassment_evidence"), row.toString());
      assertEquals("[]", row.get("false_report_evidence"), row.toString());
    }
    assertEquals("harassment;false_report", rows.get(0).get("flagged"));
    assertTrue(r.err().contains("6 rows read, 6 written, 0 rejected, 4 empty (scored 0, not "
        + "flagged); 1 flagged"), r.err());
    assertEquals(1, Files.readAllLines(errors).size(), "the errors file has its header only");
  }

  @Test
  void anEmptyPostIsNotFlaggedEvenAtAThresholdOfZero() throws IOException {
    Cli.Result r = Cli.run("score", "--threshold", "harassment=0", export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    List<CSVRecord> rows = ScoreCommandTest.csv(r.out());
    assertTrue(rows.get(5).get("flagged").contains("harassment"), "a post with text is");
    assertEquals("", rows.get(1).get("flagged"));
  }

  @Test
  void onlyFlaggedCountsEmptyPostsAmongTheNotFlagged() throws IOException {
    Cli.Result r = Cli.run("score", "--only-flagged", export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertEquals(1, ScoreCommandTest.csv(r.out()).size());
    assertTrue(r.err().contains("6 rows read, 1 written, 0 rejected, 5 not flagged"), r.err());
  }

  @Test
  void jsonLinesWithEmptyOrNullTextAndPlainTextLinesOfInvisibleCharactersAreEmptyPosts()
      throws IOException {
    Path jsonl = Files.writeString(dir.resolve("scrape.jsonl"),
        "{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":null}\n{\"id\":\"c\",\"text\":\"hi\"}\n");
    Cli.Result r = Cli.run("score", "--output-format", "jsonl", jsonl.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertEquals(3, r.out().lines().count(), r.out());
    assertTrue(r.out().startsWith("{\"id\":\"a\",\"harassment\":0.000000,\"false_report\":0.000000,"
        + "\"flagged\":[]"), r.out());
    assertTrue(r.err().contains("2 empty"), r.err());

    Path txt = Files.writeString(dir.resolve("posts.txt"), "hello\n\u200b\u200d\n");
    r = Cli.run("score", txt.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertEquals("0.000000", ScoreCommandTest.csv(r.out()).get(1).get("harassment"));
  }

  @Test
  void summarizeTakesEmptyPostsAsPostsThatFlagNothing() throws IOException {
    Cli.Result r = Cli.run("summarize", "-o", dir.resolve("summary").toString(),
        export().toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.err().contains("6 rows read, 6 summarised, 0 rejected"), r.err());
  }

  @Test
  void anEmptyPostInALabelledCorpusStopsEvalAndTrainNamingTheLine() throws IOException {
    Path corpus = Files.writeString(dir.resolve("labelled.csv"),
        "id,text,harassment,false_report\n1,you are lovely,0,0\n2,\"\u200b\",0,0\n");
    String expected = "trollscan: " + corpus + ":3: empty text: a labelled corpus must not hold "
        + "empty posts (score scores them 0 by rule, so they measure nothing about the model); "
        + "remove the row\n";
    Cli.Result eval = Cli.run("eval", "--data", corpus.toString(), "--bootstrap", "0");
    assertEquals(ExitCodes.INPUT, eval.exitCode(), eval.err());
    assertEquals(expected, eval.err());
    Cli.Result train = Cli.run("train", "--data", corpus.toString(), "-o",
        dir.resolve("m.zip").toString());
    assertEquals(ExitCodes.INPUT, train.exitCode(), train.err());
    assertFalse(train.err().contains("Exception"), train.err());
    assertTrue(train.err().endsWith(expected), train.err());
  }
}
