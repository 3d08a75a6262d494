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
    Cli.Result r = Cli.run("summarize", "--out-dir", dir.toString(), in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode());
    assertTrue(r.err().contains(in + ":3: row has 3 fields, the header has 2 (row rejected)"),
        r.err());
    assertTrue(r.err().contains("2 rows read, 1 summarised, 1 rejected"), r.err());
  }

  @Test
  void countsThreadsTargetsAndAuthorsOfFlaggedPosts() throws IOException {
    Path html = dir.resolve("summary.html");
    Cli.Result r = Cli.run("summarize", "--thread-column", "thread_id", "--author-column",
        "author", "--time-column", "timestamp", "--html", html.toString(), "--out-dir", dir.toString(),
        "src/test/resources/summary/scored_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("7 rows read, 7 summarised, 0 rejected; 2 threads"), r.err());

    List<CSVRecord> threads = ScoreCommandTest.csv(Files.readString(dir.resolve("threads.csv")));
    assertEquals("t1", threads.get(0).get("thread"));
    assertEquals("4", threads.get(0).get("posts"));
    assertEquals("3", threads.get(0).get("harassment_posts"));
    assertEquals("2", threads.get(0).get("false_report_posts"));
    assertEquals("0.7500", threads.get(0).get("harassment_rate"));
    assertEquals("p2", threads.get(0).get("first_flagged_id"));
    assertEquals("2026-10-01T10:05Z", threads.get(0).get("first_flagged_time"));
    assertEquals("p4", threads.get(0).get("last_flagged_id"));
    assertEquals("2026-10-01T10:09Z", threads.get(0).get("last_flagged_time"));

    Map<String, CSVRecord> targets = ScoreCommandTest.csv(Files.readString(dir.resolve("targets.csv")))
        .stream().collect(Collectors.toMap(t -> t.get("target"), t -> t));
    // Cells starting with @ are neutralised for spreadsheets, as in every CSV trollscan writes.
    assertEquals("2", targets.get("'@kerry_cooks_uk").get("harassment_posts"));
    assertEquals("1", targets.get("'@kerry_cooks_uk").get("false_report_posts"));
    // p2 and p4 ("her husband's boss": the possessive is the same person).
    assertEquals("2", targets.get("her husband").get("harassment_posts"));
    // p3 only: p2 opens its sentence with "Kerry", where the scorer can tell no name by its
    // capital, and summarize counts the people the scorer saw.
    assertEquals("1", targets.get("Kerry").get("harassment_posts"));
    assertEquals("1", targets.get("Kerry").get("false_report_posts"));
    assertEquals(List.of("'@kerry_cooks_uk", "her husband", "Kerry"), ScoreCommandTest.csv(
        Files.readString(dir.resolve("targets.csv"))).stream().map(t -> t.get("target")).toList());
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
        "author", "--id-column", "post_id", "--out-dir", dir.toString(),
        "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("20 rows read"), r.err());
    Cli.Result bad = Cli.run("summarize", "--thread-column", "topic", "--out-dir", dir.toString(),
        "samples/forum_thread.csv");
    assertEquals(ExitCodes.INPUT, bad.exitCode());
    assertTrue(bad.err().contains("no column 'topic'"), bad.err());
  }

  /** As in score: ids that are row numbers are warned about even with --quiet. */
  @Test
  void quietPrintsNothingWhenNoRowIsRejected() {
    Cli.Result r = Cli.run("summarize", "--quiet", "--id-column", "post_id", "--out-dir",
        dir.resolve("q").toString(), "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
  }

  private static final String FORUM = "samples/forum_thread.csv";

  private static String[] forum(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("summarize", "--thread-column",
        "thread_id", "--author-column", "author", "--time-column", "timestamp", "--id-column",
        "post_id"));
    args.addAll(List.of(more));
    args.add(FORUM);
    return args.toArray(String[]::new);
  }

  @Test
  void dashOWritesTheThreadsTableToOneFileAsScoreDoes() throws IOException {
    Path out = dir.resolve("threads-only.csv");
    Cli.Result r = Cli.run(forum("-o", out.toString()));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(out), "a file, not a folder");
    List<CSVRecord> threads = ScoreCommandTest.csv(Files.readString(out));
    assertEquals(List.of("t100", "t101", "t102"), threads.stream().map(t -> t.get("thread")).toList());
    assertEquals("p2", threads.get(0).get("first_flagged_id"));
    assertEquals("2026-10-03T19:05:40Z", threads.get(0).get("first_flagged_time"));
  }

  @Test
  void withoutAnyOutputOptionTheThreadsTableGoesToStandardOutput() {
    Cli.Result r = Cli.run(forum());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("thread,posts,harassment_posts,false_report_posts,"
        + "harassment_rate,false_report_rate,first_flagged_id,first_flagged_time,"
        + "last_flagged_id,last_flagged_time\r\n"), r.out());
  }

  @Test
  void aTrailingSlashOnDashOPointsToOutDir() {
    Cli.Result r = Cli.run(forum("-o", dir.resolve("summary") + "/"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("use --out-dir"), r.err());
    assertTrue(!Files.exists(dir.resolve("summary")));
  }

  @Test
  void htmlAloneWritesThePageAndNothingElse() throws IOException {
    Path html = dir.resolve("page.html");
    Cli.Result r = Cli.run(forum("--html", html.toString()));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of("page.html"), Files.list(dir).map(p -> p.getFileName().toString())
        .toList());
  }

  @Test
  void thePageDrawsOneBarPerLabelWithCountAndRate() throws IOException {
    Path html = dir.resolve("page.html");
    assertEquals(0, Cli.run(forum("--html", html.toString())).exitCode());
    String page = Files.readString(html);
    // t100: 6 of its 10 posts flagged for harassment, 4 for false_report, each its own bar.
    int t100 = page.indexOf("<td>t100</td>");
    assertTrue(t100 > 0, page);
    String row = page.substring(t100, page.indexOf("</tr>", t100));
    assertTrue(row.contains("harassment</span><span class=\"bar\"") && row.contains(
        "6 of 10 (60.0%)"), row);
    assertTrue(row.contains("false_report</span><span class=\"bar\"") && row.contains(
        "4 of 10 (40.0%)"), row);
  }

  @Test
  void thePageSaysWhenItShowsOnlyTheTopRows() throws IOException {
    StringBuilder in = new StringBuilder("id,harassment,false_report,flagged,evidence,thread_id,"
        + "text\n");
    for (int i = 1; i <= 25; i++) {
      in.append("p").append(i).append(",0.9,0.1,harassment,,t").append(i).append(",x\n");
    }
    Path scored = Files.writeString(dir.resolve("scored.csv"), in);
    Path html = dir.resolve("page.html");
    Cli.Result r = Cli.run("summarize", "--thread-column", "thread_id", "--html",
        html.toString(), scored.toString());
    assertEquals(0, r.exitCode(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("Threads (top 20 of 25 threads with a flagged post)"), page);
    assertTrue(page.contains("<td>t20</td>") && !page.contains("<td>t21</td>"), page);
  }

  @Test
  void theAuthorsSectionSaysWhyItIsEmpty() throws IOException {
    Path html = dir.resolve("page.html");
    assertEquals(0, Cli.run("summarize", "--thread-column", "thread_id", "--html",
        html.toString(), FORUM).exitCode());
    assertTrue(Files.readString(html).contains("No author column given (--author-column NAME)"));

    Path calm = Files.writeString(dir.resolve("calm.csv"), "id,text,author\n"
        + "1,Anyone tried the new bakery on the high street?,ann\n2,Lovely weather today,bea\n");
    assertEquals(0, Cli.run("summarize", "--author-column", "author", "--html", html.toString(),
        calm.toString()).exitCode());
    assertTrue(Files.readString(html).contains("None of the 2 authors has a flagged post."));
  }

  @Test
  void aThreadWithFalseReportPostsByTwoAuthorsIsACampaignListedFirstWithItsPosts()
      throws IOException {
    Path html = dir.resolve("page.html");
    Path out = dir.resolve("summary");
    Cli.Result r = Cli.run(forum("--out-dir", out.toString(), "--html", html.toString()));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("1 campaign threads"), r.err());
    List<CSVRecord> campaigns = ScoreCommandTest.csv(Files.readString(out.resolve("campaigns.csv")));
    assertEquals(List.of("p4", "p6", "p8", "p9"), campaigns.stream().map(c -> c.get("id")).toList());
    assertEquals(List.of("snarkqueen88", "snarkqueen88", "snarkqueen88", "mumof3mel"),
        campaigns.stream().map(c -> c.get("author")).toList());
    assertTrue(campaigns.stream().allMatch(c -> c.get("thread").equals("t100")
        && c.get("authors").equals("2") && c.get("reports").equals("4")
        && c.get("thread_posts").equals("10")));
    assertEquals("2026-10-03T19:15:27Z", campaigns.get(0).get("time"));
    String page = Files.readString(html);
    int campaign = page.indexOf("Thread t100: 4 false_report posts by 2 authors");
    assertTrue(campaign > 0 && campaign < page.indexOf("<h2>Threads ("), page);
    assertTrue(page.contains("<td>p9</td><td>mumof3mel</td>"), page);
  }

  @Test
  void campaignMinRaisesTheBarAndBelowTwoIsAUsageError() throws IOException {
    Path out = dir.resolve("summary");
    Cli.Result r = Cli.run(forum("--campaign-min", "3", "--out-dir", out.toString()));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, Files.readAllLines(out.resolve("campaigns.csv")).size(), "the header alone");
    Cli.Result one = Cli.run(forum("--campaign-min", "1", "-o", "-"));
    assertEquals(ExitCodes.USAGE, one.exitCode(), one.err());
    assertTrue(one.err().contains("--campaign-min must be at least 2"), one.err());
  }

  @Test
  void withoutAnAuthorColumnEachFalseReportPostCountsAsAnAuthor() throws IOException {
    Path scored = Files.writeString(dir.resolve("scored.csv"),
        "id,harassment,false_report,flagged,evidence,thread_id,text\n"
        + "a1,0.2,0.9,false_report,,t1,x\na2,0.2,0.8,false_report,,t1,y\n"
        + "b1,0.2,0.9,false_report,,t2,z\nb2,0.1,0.1,,,t2,w\n");
    Path out = dir.resolve("summary");
    Cli.Result r = Cli.run("summarize", "--thread-column", "thread_id", "--out-dir",
        out.toString(), scored.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<CSVRecord> campaigns = ScoreCommandTest.csv(Files.readString(out.resolve("campaigns.csv")));
    assertEquals(List.of("a1", "a2"), campaigns.stream().map(c -> c.get("id")).toList());
    assertEquals("0.900000", campaigns.get(0).get("false_report"));
    assertEquals("", campaigns.get(0).get("author"));
  }

  @Test
  void aScoredRowNamingNoLabelOfTheModelIsRejectedWithTheReason() throws IOException {
    Path scored = Files.writeString(dir.resolve("scored.csv"),
        "id,harassment,false_report,flagged,evidence,text\n"
        + "1,0.9,0.1,harassment,,x\n2,0.9,0.1,toxicity,,y\n3,high,0.1,harassment,,z\n");
    Path errors = dir.resolve("errors.csv");
    Cli.Result r = Cli.run("summarize", "--errors", errors.toString(), "-o",
        dir.resolve("t.csv").toString(), scored.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    assertTrue(r.err().contains("3 rows read, 1 summarised, 2 rejected"), r.err());
    String listed = Files.readString(errors);
    assertTrue(listed.contains("flagged names 'toxicity', which is no label of the model"), listed);
    assertTrue(listed.contains("harassment is 'high', not a probability from 0 to 1"), listed);
  }

  @Test
  void summarizeReadsStandardInputOnTheScoringDriverWithItsThreadsOption() {
    Cli.Result r = Cli.runWithStdin("id,text,thread_id\n1,someone ring social services on her,t1\n"
        + "2,lovely roast,t1\n", "summarize", "--threads", "2", "--thread-column", "thread_id");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\r\nt1,2,"), r.out());
    assertTrue(r.err().contains("2 rows read, 2 summarised, 0 rejected"), r.err());
  }
}
