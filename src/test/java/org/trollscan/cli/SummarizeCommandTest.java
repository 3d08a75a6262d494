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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summarize on a scored thread export whose flags are known, so the answers are too. */
class SummarizeCommandTest {
  @TempDir Path dir;

  @Test
  void rejectedRowsAreNamedOnStderrAndGiveTheirExitCode() throws IOException {
    Path in = dir.resolve("ragged.csv");
    Files.writeString(in, "id,text\n1,fine\n2,a,b\n");
    Cli.Result r = Cli.run("summarize", "-o", dir.toString(), in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode());
    assertTrue(r.err().contains(in + ":3: row has 3 fields, the header has 2 (row rejected)"),
        r.err());
    assertTrue(r.err().contains("2 rows read, 1 summarised, 1 rejected"), r.err());
  }

  @Test
  void countsThreadsTargetsAndAuthorsOfFlaggedPosts() throws IOException {
    Path html = dir.resolve("summary.html");
    Cli.Result r = Cli.run("summarize", "--thread-column", "thread_id", "--author-column",
        "author", "--time-column", "timestamp", "--html", html.toString(), "-o", dir.toString(),
        "src/test/resources/summary/scored_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("7 rows read, 7 summarised, 0 rejected; 2 threads"), r.err());

    List<CSVRecord> threads = ScoreCommandTest.csv(Files.readString(dir.resolve("threads.csv")));
    assertEquals("t1", threads.get(0).get("thread"));
    assertEquals("4", threads.get(0).get("posts"));
    assertEquals("3", threads.get(0).get("harassment_posts"));
    assertEquals("2", threads.get(0).get("false_report_posts"));
    assertEquals("0.7500", threads.get(0).get("harassment_rate"));
    assertEquals("p2 @ 2026-10-01T10:05Z", threads.get(0).get("first_flagged"));
    assertEquals("p4 @ 2026-10-01T10:09Z", threads.get(0).get("last_flagged"));

    Map<String, CSVRecord> targets = ScoreCommandTest.csv(Files.readString(dir.resolve("targets.csv")))
        .stream().collect(Collectors.toMap(t -> t.get("target"), t -> t));
    // Cells starting with @ are neutralised for spreadsheets, as in every CSV trollscan writes.
    assertEquals("2", targets.get("'@kerry_cooks_uk").get("harassment_posts"));
    assertEquals("1", targets.get("'@kerry_cooks_uk").get("false_report_posts"));
    assertEquals("1", targets.get("her husband").get("harassment_posts"));
    assertEquals("2", targets.get("Kerry").get("harassment_posts"));
    assertTrue(!targets.containsKey("social services"), targets.keySet().toString());

    List<CSVRecord> authors = ScoreCommandTest.csv(Files.readString(dir.resolve("authors.csv")));
    assertEquals("cat", authors.get(0).get("author"));
    assertEquals("3", authors.get(0).get("false_report_posts"));
    assertEquals("ann", authors.get(authors.size() - 1).get("author"));
    assertEquals("0", authors.get(authors.size() - 1).get("harassment_posts"));
    assertTrue(Files.readString(html).contains("Targets"));
  }

  @Test
  void scoresRawInputWithTheModelAndChecksColumns() {
    Cli.Result r = Cli.run("summarize", "--thread-column", "thread_id", "--author-column",
        "author", "--id-column", "post_id", "-o", dir.toString(), "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("20 rows read"), r.err());
    Cli.Result bad = Cli.run("summarize", "--thread-column", "topic", "-o", dir.toString(),
        "samples/forum_thread.csv");
    assertEquals(ExitCodes.INPUT, bad.exitCode());
    assertTrue(bad.err().contains("no column 'topic'"), bad.err());
  }

  @Test
  void quietPrintsNothingWhenNoRowIsRejected() {
    Cli.Result r = Cli.run("summarize", "--quiet", "-o", dir.resolve("q").toString(),
        "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
  }
}
