package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.ContextModels;
import org.trollscan.model.TinyModels;

/**
 * {@code score --thread-column}: each post scored with its thread so far, on a bundle with a
 * context stage trained in the test (samples/corpus train.csv + train-context.csv).
 */
class ContextScoreTest {
  @TempDir Path dir;

  private static final String THREADS = """
      id,thread_id,text
      c1,camp,Everyone report her page to Facebook for fraud and say she scams people so they take it down
      h1,fair,"The school fair needs cake donations this Saturday, bring what you can to the hall"
      c2,camp,done mine
      h2,fair,done mine
      c3,camp,same sent
      h3,fair,same sent
      """;

  private static List<CSVRecord> rows(String csv) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv)).getRecords();
  }

  private Cli.Result score(String csv, String... options) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, csv);
    List<String> args = new ArrayList<>(List.of("score", "--model",
        ContextModels.shared().toString(), "--no-meta"));
    args.addAll(List.of(options));
    args.add(in.toString());
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void theSameReplyScoresHigherUnderACampaignThanUnderAHarmlessOpener() throws IOException {
    Cli.Result r = score(THREADS, "--thread-column", "thread_id");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("id,harassment,false_report,harassment_alone,"
        + "false_report_alone,flagged,"), r.out());
    Map<String, CSVRecord> byId = new HashMap<>();
    rows(r.out()).forEach(row -> byId.put(row.get("id"), row));
    for (String[] pair : new String[][] {{"c2", "h2"}, {"c3", "h3"}}) {
      CSVRecord campaign = byId.get(pair[0]);
      CSVRecord harmless = byId.get(pair[1]);
      assertEquals(campaign.get("false_report_alone"), harmless.get("false_report_alone"));
      assertTrue(Double.parseDouble(campaign.get("false_report"))
          > Double.parseDouble(harmless.get("false_report")), r.out());
    }
    assertTrue(r.err().contains("in context by thread_id, 0 threads let go, 0 posts came after"
        + " their thread was let go"), r.err());
  }

  @Test
  void flagsFollowTheContextScoresAndThresholds() throws IOException {
    Cli.Result r = score(THREADS, "--thread-column", "thread_id", "--threshold",
        "false_report=0.0");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    for (CSVRecord row : rows(r.out())) {
      assertTrue(row.get("flagged").contains("false_report"), row.toString());
    }
  }

  @Test
  void aPostWithNoThreadIsScoredAsAThreadOfItsOwn() throws IOException {
    Cli.Result r = score("id,thread_id,text\na,camp,Everyone report her to the council\n"
        + "b,,done mine\nc,camp,done mine\n", "--thread-column", "thread_id");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    List<CSVRecord> rows = rows(r.out());
    assertTrue(Double.parseDouble(rows.get(2).get("false_report"))
        > Double.parseDouble(rows.get(1).get("false_report")), r.out());
  }

  @Test
  void withoutAThreadColumnTheOutputIsAsBefore() throws IOException {
    Cli.Result r = score(THREADS);
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("id,harassment,false_report,flagged,"), r.out());
    assertTrue(!r.out().contains("_alone"), r.out());
    List<CSVRecord> rows = rows(r.out());
    assertEquals(rows.get(2).get("false_report"), rows.get(3).get("false_report"));
  }

  @Test
  void aModelWithoutAContextStageIsAModelErrorSayingHowToTrainOne() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, THREADS);
    Cli.Result r = Cli.run("score", "--model", TinyModels.shared().toString(), "--thread-column",
        "thread_id", in.toString());
    assertEquals(ExitCodes.MODEL, r.exitCode(), r.err());
    assertEquals("trollscan: " + TinyModels.shared() + ": this model has no context stage;"
        + " train with --thread-column\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aThreadColumnTheInputLacksIsAnInputError() throws IOException {
    Cli.Result r = score(THREADS, "--thread-column", "topic");
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().contains("topic"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aTimeColumnWithoutAThreadColumnIsAUsageError() throws IOException {
    Cli.Result r = score(THREADS, "--time-column", "posted");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("--time-column needs --thread-column"), r.err());
  }

  @Test
  void threadsBeyondTheBoundAreLetGoAndCounted() throws IOException {
    Path meta = dir.resolve("out.csv.meta.json");
    Path in = dir.resolve("in.csv");
    Files.writeString(in, THREADS);
    Cli.Result r = Cli.run("score", "--model", ContextModels.shared().toString(),
        "--thread-column", "thread_id", "--max-open-threads", "1", "-o",
        dir.resolve("out.csv").toString(), in.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    // camp, fair, camp, fair, camp, fair: each post but the first lets the other thread go,
    // and each of the last four comes for a thread let go.
    assertTrue(r.err().contains("5 threads let go, 4 posts came after their thread was let go"),
        r.err());
    assertTrue(r.err().contains("warning: 4 posts came for a thread let go earlier (more than 1"
        + " threads open at once), so each was scored as its thread's opener"), r.err());
    String json = Files.readString(meta);
    assertTrue(json.contains("\"threads_let_go\" : 5"), json);
    assertTrue(json.contains("\"posts_after_let_go\" : 4"), json);
    assertTrue(json.contains("\"max_open_threads\" : 1"), json);
    // Let go, the replies lose their opener: the two copies score alike again.
    List<CSVRecord> rows = rows(Files.readString(dir.resolve("out.csv")));
    assertEquals(rows.get(2).get("false_report"), rows.get(3).get("false_report"));
  }

  @Test
  void anInputSortedByThreadLosesNoContextBeyondTheBoundAndSaysNothing() throws IOException {
    Path in = dir.resolve("sorted.csv");
    StringBuilder csv = new StringBuilder("id,thread_id,text\n");
    for (int t = 1; t <= 5; t++) {
      csv.append("o").append(t).append(",t").append(t)
          .append(",Everyone report her page for fraud\n");
      csv.append("r").append(t).append(",t").append(t).append(",done mine\n");
      csv.append("s").append(t).append(",t").append(t).append(",same sent\n");
    }
    Files.writeString(in, csv);
    Path out = dir.resolve("sorted-out.csv");
    Cli.Result r = Cli.run("score", "--model", ContextModels.shared().toString(), "-q",
        "--thread-column", "thread_id", "--max-open-threads", "1", "-o", out.toString(),
        in.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(!r.err().contains("warning"), r.err());
    String json = Files.readString(dir.resolve("sorted-out.csv.meta.json"));
    assertTrue(json.contains("\"threads_let_go\" : 4"), json);
    assertTrue(json.contains("\"posts_after_let_go\" : 0"), json);
    // One thread open at a time is all a sorted input needs: the scores are those of an
    // unbounded run.
    Path unbounded = dir.resolve("unbounded.csv");
    assertEquals(ExitCodes.OK, Cli.run("score", "--model", ContextModels.shared().toString(),
        "-q", "--thread-column", "thread_id", "--no-meta", "-o", unbounded.toString(),
        in.toString()).exitCode());
    assertEquals(Files.readString(unbounded), Files.readString(out));
  }

  @Test
  void aPostEarlierThanItsThreadsPreviousOneIsRejectedNamingItsLine() throws IOException {
    Cli.Result r = score("id,thread_id,posted,text\na,t,2026-12-07T10:00:00Z,Report her\n"
        + "b,t,2026-12-07 09:00,done mine\nc,t,1796637600,same\nd,t,yesterday,me too\n",
        "--thread-column", "thread_id", "--time-column", "posted");
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    assertTrue(r.err().contains("in.csv:3") && r.err().contains(
        "--time-column posted: 2026-12-07 09:00 is before the previous post of thread 't'"),
        r.err());
    assertTrue(r.err().contains("in.csv:5") && r.err().contains("'yesterday' is not a time"),
        r.err());
    List<CSVRecord> rows = rows(r.out());
    assertEquals(List.of("a", "c"), rows.stream().map(x -> x.get("id")).toList());
  }

  @Test
  void aThreadColumnTheInputLacksStopsTheRunNamingTheColumns() throws IOException {
    Cli.Result r = score(THREADS, "--thread-column", "topic");
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().contains(":1: no column [topic] as the options (--keep, --thread-column,"
        + " ...) name; the columns are: id, thread_id, text"), r.err());
  }

  @Test
  void anEmptyPostInAThreadStaysZero() throws IOException {
    Cli.Result r = score(THREADS + "c4,camp,\"  \"\n", "--thread-column", "thread_id");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    CSVRecord last = rows(r.out()).get(6);
    assertEquals("c4", last.get("id"));
    assertEquals("0.000000", last.get("false_report"));
    assertEquals("0.000000", last.get("false_report_alone"));
    assertEquals("", last.get("flagged"));
  }
}
