package org.trollscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.cli.ExitCodes;
import org.trollscan.cli.Main;
import org.trollscan.model.BundleIO;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/** The spark-submit job in local[2] mode: the CLI's output, spread over cores, safe outputs. */
class ScoreJobTest {
  static final String MODEL = "../models/trollscan-default.zip";
  /**
   * Multi-line posts, quotes, commas, formula-like cells, a flagged and an unflagged post. Line
   * breaks inside posts are LF: Spark's CSV reader turns a CRLF inside a quoted post into LF
   * (scores are the same; docs/spark.md says so).
   */
  static final String FORUM_CSV = "id,author,body\r\n"
      + "1,ann,\"Someone should ring social services on her,\nthe baby was in the same vest"
      + " all weekend\"\r\n"
      + "2,bea,lovely cake\r\n"
      + "3,@cat,\"@jen you're a thick cow\"\r\n"
      + "4,-dan,\"=HYPERLINK(\"\"http://x\"\")\nmass report her account, everyone\"\r\n"
      + "5,eve,\"  spaces kept  \"\r\n"
      + "6,fay,\"She is a \"\"mother\"\" in name only.\n\nDisgusting woman\"\r\n";
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session();
  }

  static ScoreJobOptions opts(String... args) {
    return ScoreJobOptions.parse(args);
  }

  /** Every part file of a CSV output folder, as records, header first, rows sorted by id. */
  static List<List<String>> csvFolder(Path folder) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = null;
    try (Stream<Path> parts = Files.list(folder)) {
      for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
        List<List<String>> file = csv(Files.readString(p));
        header = file.get(0);
        rows.addAll(file.subList(1, file.size()));
      }
    }
    rows.sort(Comparator.comparing(r -> r.get(0)));
    rows.add(0, header);
    return rows;
  }

  static List<List<String>> csv(String text) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text))) {
      out.add(r.toList());
    }
    return out;
  }

  static String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new java.io.ByteArrayInputStream(new byte[0]), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Where two tables first differ, line breaks shown, for a readable failure. */
  static String firstDifference(List<List<String>> expected, List<List<String>> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return ("row " + i + ": the CLI's " + expected.get(i) + " vs Spark's " + actual.get(i))
            .replace("\r", "\\r").replace("\n", "\\n");
      }
    }
    return expected.size() + " rows vs " + actual.size();
  }

  static String allText(Path folder) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> parts = Files.list(folder)) {
      for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }

  @Test
  void csvOutputHoldsTheCliColumnsAndCellsForAMultiLineCsv() throws IOException {
    Path in = dir.resolve("forum.csv");
    Files.writeString(in, FORUM_CSV);
    Path out = dir.resolve("forum-scored");
    ScoreJob.Result r = ScoreJob.run(spark, opts("--input", in.toString(), "--input-format",
        "csv", "--text-column", "body", "--keep-all", "--output", out.toString(),
        "--output-format", "csv", "--model", MODEL));
    assertEquals(6, r.rows());
    List<List<String>> expected = csv(cli("score", "--text-column", "body", "--keep-all",
        "--model", MODEL, in.toString()));
    expected.subList(1, expected.size()).sort(Comparator.comparing(x -> x.get(0)));
    List<List<String>> actual = csvFolder(out);
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "input_id", "author", "body"), actual.get(0));
    assertEquals(expected, actual, () -> firstDifference(expected, actual));
    // What the issue saw: no scientific notation, no "" for an empty cell.
    String raw = allText(out);
    assertFalse(raw.contains("E-"), raw);
    assertTrue(raw.matches("(?s).*\n2,0\\.\\d{6},0\\.\\d{6},,\\[],\\[],2,bea,lovely cake\n.*"),
        raw);
    assertTrue(raw.contains("'@cat"), "spreadsheet safety on kept columns: " + raw);
  }

  @Test
  void csvOutputHoldsTheCliColumnsAndCellsForJsonLines() throws IOException {
    Path in = dir.resolve("scrape.jsonl");
    Files.writeString(in, "{\"author\":\"u1\",\"body\":\"Everyone email her sponsors tonight,"
        + " let's get her dropped\",\"meta\":{\"up\":3},\"n\":7}\n"
        + "{\"author\":\"=u2\",\"body\":\"lovely weather\\nfor the fete\",\"meta\":{\"up\":1},"
        + "\"n\":8}\n"
        + "{\"author\":\"u3\",\"body\":\"@jen_bakes you're a talentless fraud\","
        + "\"meta\":{\"up\":0},\"n\":9}\n");
    Path out = dir.resolve("scrape-scored");
    ScoreJob.run(spark, opts("--input", in.toString(), "--input-format", "jsonl",
        "--text-column", "body", "--keep", "n,author,meta", "--output", out.toString(),
        "--output-format", "csv", "--model", MODEL));
    List<List<String>> expected = csv(cli("score", "--text-column", "body", "--keep",
        "n,author,meta", "--model", MODEL, in.toString()));
    assertEquals(expected, csvFolder(out));
    assertEquals("3", expected.get(3).get(0), "no id field: the row number, as the CLI");
  }

  @Test
  void parquetOutputKeepsTypesAndTheCliScoresTo1e9() throws IOException {
    Path in = dir.resolve("typed.csv");
    Files.writeString(in, FORUM_CSV);
    Path out = dir.resolve("typed-scored");
    ScoreJob.run(spark, opts("--input", in.toString(), "--input-format", "csv",
        "--text-column", "body", "--keep", "body", "--output", out.toString(), "--model", MODEL));
    Dataset<Row> parquet = spark.read().parquet(out.toString());
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "body"), List.of(parquet.schema().fieldNames()));
    assertEquals(DataTypes.createArrayType(ScoreJob.SPAN, false).simpleString(),
        parquet.schema().apply("harassment_evidence").dataType().simpleString());
    List<Row> rows = parquet.orderBy("id").collectAsList();
    Scorer cli = new Scorer(BundleIO.load(Path.of(MODEL)));
    assertEquals(6, rows.size());
    int spans = 0;
    for (Row r : rows) {
      String text = r.getString(6);
      Score s = cli.score(text, true);
      assertEquals(s.probabilities().get(Label.HARASSMENT), r.getDouble(1), 1e-9);
      assertEquals(s.probabilities().get(Label.FALSE_REPORT), r.getDouble(2), 1e-9);
      assertEquals(s.flagged().stream().map(Label::column).toList(), r.getList(3));
      for (Label l : List.of(Label.HARASSMENT, Label.FALSE_REPORT)) {
        List<EvidenceSpan> want = s.flagged().contains(l) ? s.spans().get(l) : List.of();
        List<Row> got = r.getList(r.fieldIndex(l.column() + "_evidence"));
        assertEquals(want.size(), got.size(), l + " of " + text);
        for (int i = 0; i < want.size(); i++, spans++) {
          Row g = got.get(i);
          assertEquals(want.get(i), new EvidenceSpan(g.getAs("phrase"), g.<Integer>getAs("begin"),
              g.<Integer>getAs("end"), g.<Double>getAs("weight")));
          assertEquals(g.<String>getAs("phrase"), text.substring(g.<Integer>getAs("begin"),
              g.<Integer>getAs("end")));
        }
      }
    }
    assertTrue(spans >= 3, "the flagged posts' evidence is there: " + spans);
  }

  @Test
  void jsonOutputHasTheEvidenceObjectsOfScoresJsonLines() throws IOException {
    Path in = dir.resolve("for-json.csv");
    Files.writeString(in, FORUM_CSV);
    Path out = dir.resolve("json-scored");
    ScoreJob.run(spark, opts("--input", in.toString(), "--input-format", "csv",
        "--text-column", "body", "--output", out.toString(), "--output-format", "json",
        "--model", MODEL));
    Dataset<Row> written = spark.read().json(out.toString());
    Map<String, JsonNode> byId = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        for (String line : Files.readAllLines(p)) {
          JsonNode n = json.readTree(line);
          byId.put(n.get("id").asText(), n);
        }
      }
    }
    List<String> cliLines = cli("score", "--text-column", "body", "--output-format", "jsonl",
        "--model", MODEL, in.toString()).lines().toList();
    assertEquals(cliLines.size(), byId.size());
    int spans = 0;
    for (String line : cliLines) {
      JsonNode want = json.readTree(line);
      JsonNode got = byId.get(want.get("id").asText());
      assertEquals(want.get("flagged"), got.get("flagged"), line);
      for (String field : List.of("harassment_evidence", "false_report_evidence")) {
        assertEquals(want.get(field).size(), got.get(field).size(), field + " of " + line);
        for (int i = 0; i < want.get(field).size(); i++, spans++) {
          JsonNode w = want.get(field).get(i);
          JsonNode g = got.get(field).get(i);
          List<String> keys = new ArrayList<>();
          g.fieldNames().forEachRemaining(keys::add);
          assertEquals(List.of("phrase", "begin", "end", "weight"), keys, g.toString());
          assertEquals(List.of(w.get("phrase"), w.get("begin"), w.get("end")),
              List.of(g.get("phrase"), g.get("begin"), g.get("end")));
          assertEquals(w.get("weight").doubleValue(), g.get("weight").doubleValue(), 0.5e-6);
        }
      }
    }
    assertTrue(spans >= 3, "the flagged posts' evidence is compared: " + spans);
    // The phrases alone, in Spark SQL, as docs/spark.md shows.
    List<Row> phrases = written.where("id = '3'")
        .selectExpr("transform(harassment_evidence, e -> e.phrase)").collectAsList();
    assertEquals(List.of("you're a thick cow"), phrases.get(0).getList(0));
  }

  @Test
  void aSingleMultiLineCsvIsScoredInAsManyTasksAsTheClusterHasCores() throws IOException {
    Path in = dir.resolve("one-file.csv");
    Files.writeString(in, FORUM_CSV);
    ScoreJob.Result r = ScoreJob.run(spark, opts("--input", in.toString(), "--input-format",
        "csv", "--text-column", "body", "--output", dir.resolve("spread").toString()));
    // local[2]: a default parallelism of 2; Spark reads a multi-line CSV file in one task.
    assertEquals(2, r.tasksByExecutor().get("driver"), r.describe());
    ScoreJob.Result three = ScoreJob.run(spark, opts("--input", in.toString(), "--input-format",
        "csv", "--text-column", "body", "--partitions", "3", "--output",
        dir.resolve("spread3").toString()));
    assertEquals(3, three.tasksByExecutor().get("driver"), three.describe());
    assertEquals(6, three.rows());
  }

  @Test
  void anExistingOutputIsRefusedWithExit5AndLeftAsItWas() throws IOException {
    Path in = dir.resolve("small.csv");
    Files.writeString(in, "text\nhello there\n");
    Path out = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ScoreJob.execute(spark, opts("--input", in.toString(), "--input-format", "csv",
        "--output", out.toString()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(ExitCodes.IO, code);
    assertEquals("trollscan: " + out + ": the output already exists; choose a new path, or pass"
        + " --overwrite to replace it\n", err.toString(StandardCharsets.UTF_8));
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  @Test
  void overwriteReplacesAnOutputFolder() throws IOException {
    Path in = dir.resolve("small2.csv");
    Files.writeString(in, "text\nhello there\nring social services on her\n");
    Path out = Files.createDirectories(dir.resolve("replaced"));
    Files.writeString(out.resolve("old.txt"), "old");
    ScoreJob.Result r = ScoreJob.run(spark, opts("--input", in.toString(), "--input-format",
        "csv", "--output", out.toString(), "--output-format", "csv", "--overwrite"));
    assertEquals(2, r.rows());
    assertFalse(Files.exists(out.resolve("old.txt")));
    assertEquals(3, csvFolder(out).size());
  }

  @Test
  void overwriteRefusesAnOutputThatIsNotAFolder() throws IOException {
    Path in = dir.resolve("small3.csv");
    Files.writeString(in, "text\nhello there\n");
    Path file = Files.writeString(dir.resolve("a-file.csv"), "precious");
    JobFailure e = assertThrows(JobFailure.class, () -> ScoreJob.run(spark, opts("--input",
        in.toString(), "--input-format", "csv", "--output", file.toString(), "--overwrite")));
    assertEquals(ExitCodes.IO, e.exitCode());
    assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    assertEquals("precious", Files.readString(file));
    Path link = Files.createSymbolicLink(dir.resolve("a-link"),
        Files.createDirectories(dir.resolve("link-target")));
    Files.writeString(link.resolve("inside.txt"), "target's");
    assertThrows(JobFailure.class, () -> ScoreJob.run(spark, opts("--input", in.toString(),
        "--input-format", "csv", "--output", link.toString(), "--overwrite")));
    assertEquals("target's", Files.readString(link.resolve("inside.txt")));
  }

  @Test
  void aRunThatFailsWhileWritingRemovesTheOutputFolderItCreated() throws IOException {
    // Spark takes the schema from the first file and fails on the second in a task.
    Path in = Files.createDirectories(dir.resolve("parquet-in"));
    spark.createDataset(List.of("hello", "ring social services on her"),
        org.apache.spark.sql.Encoders.STRING()).toDF("text").coalesce(1).write()
        .parquet(dir.resolve("good").toString());
    try (Stream<Path> parts = Files.list(dir.resolve("good"))) {
      Path part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(part, in.resolve("a.parquet"));
    }
    Files.writeString(in.resolve("b.parquet"), "PAR1 but not parquet at all PAR1");
    Path out = dir.resolve("failed-out");
    assertThrows(Exception.class, () -> ScoreJob.run(spark, opts("--input",
        in.resolve("*.parquet").toString(), "--output", out.toString())));
    assertFalse(Files.exists(out), "a failed run must not block its rerun");
  }

  @Test
  void emptyPostsAreScoredZeroByRuleAsTheCliScoresThemCountedAndExit0() throws IOException {
    Path in = dir.resolve("gaps.csv");
    Files.writeString(in, "id,text\n1,someone ring social services on her\n2,\n3,\"   \"\n"
        + "4,\"\u00a0\u200b\"\n5,\"\t\"\n");
    Path out = dir.resolve("gaps-out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ScoreJob.execute(spark, opts("--input", in.toString(), "--input-format", "csv",
        "--output", out.toString(), "--output-format", "csv"),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.OK, code, message);
    assertTrue(message.contains("5 rows read, 5 written, 0 malformed (written with empty scores),"
        + " 4 empty (scored 0, not flagged); 1 flagged"), message);
    assertEquals(csv(cli("score", in.toString())), csvFolder(out));
    assertEquals(List.of("2", "0.000000", "0.000000", "", "[]", "[]"), csvFolder(out).get(2));
  }

  @Test
  void emptyPostsInParquetAreScoredZeroWithNoEvidenceNotNull() {
    Path out = dir.resolve("empty-parquet-out");
    Path in = dir.resolve("empty-parquet-in");
    spark.createDataset(java.util.Arrays.asList("ring social services on her", "", " \u200b",
        null), Encoders.STRING()).toDF("text").coalesce(1).write().parquet(in.toString());
    ScoreJob.Result r = ScoreJob.run(spark, opts("--input", in.toString(), "--output",
        out.toString(), "--keep", "text", "--model", MODEL));
    assertEquals(3, r.empty(), r.describe());
    List<Row> rows = spark.read().parquet(out.toString()).orderBy("id").collectAsList();
    for (Row row : rows.subList(1, 4)) {
      assertEquals(0.0, row.getDouble(1), row.toString());
      assertEquals(0.0, row.getDouble(2), row.toString());
      assertEquals(List.of(), row.getList(3), row.toString());
      assertEquals(List.of(), row.getList(4), row.toString());
      assertEquals(List.of(), row.getList(5), row.toString());
    }
  }

  @Test
  void jsonLinesThatAreNotAnObjectAreCountedMalformedNotScoredAsEmptyAndExit6()
      throws IOException {
    Path in = dir.resolve("broken.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"ring social services on her\"}\n"
        + "{\"id\":\"b\",\"text\":\"unclosed\n"
        + "{\"id\":\"c\",\"text\":null}\n");
    Path out = dir.resolve("broken-out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ScoreJob.execute(spark, opts("--input", in.toString(), "--input-format", "jsonl",
        "--output", out.toString(), "--output-format", "csv", "--model", MODEL),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.REJECTED_ROWS, code, message);
    assertTrue(message.contains("3 rows read, 3 written, 1 malformed (written with empty scores),"
        + " 1 empty (scored 0, not flagged)"), message);
    assertTrue(message.contains("1 JSON lines are not a JSON object"), message);
    List<List<String>> rows = csvFolder(out);
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence"), rows.get(0), "no column of the job's own in the output");
    assertEquals(List.of("", "", "", "", "", ""), rows.get(1), "the broken line: no score");
    assertEquals(List.of("a", "c"), List.of(rows.get(2).get(0), rows.get(3).get(0)));
    assertEquals("0.000000", rows.get(3).get(1), "a null text is an empty post");
  }

  @Test
  void csvRowsWithMoreOrFewerFieldsThanTheHeaderAreNotScoredButCountedAndExit6()
      throws IOException {
    Path in = dir.resolve("ragged.csv");
    Files.writeString(in, "id,text,author\n1,hello there,ann\n"
        + "2,ring social services on her,bea,extra\n3,lovely cake\n");
    Path out = dir.resolve("ragged-out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ScoreJob.execute(spark, opts("--input", in.toString(), "--input-format", "csv",
        "--keep-all", "--output", out.toString(), "--output-format", "csv"),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.REJECTED_ROWS, code, message);
    assertTrue(message.contains("3 rows read, 3 written, 2 malformed (written with empty scores),"
        + " 0 empty"), message);
    List<List<String>> rows = csvFolder(out);
    assertEquals(List.of("id", "harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence", "input_id", "text", "author"), rows.get(0),
        "no column of the job's own in the output");
    assertFalse(rows.get(1).get(1).isEmpty(), "a good row is scored");
    assertEquals(List.of("", "", "", "", ""), rows.get(2).subList(1, 6));
    assertEquals(List.of("", "", "", "", ""), rows.get(3).subList(1, 6));
  }

  @Test
  void aCorruptModelFailsWithExit4NamingItBeforeAnyOutput() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.zip"), "not a model");
    Path in = Files.writeString(dir.resolve("in-bad.csv"), "text\nhello\n");
    Path out = dir.resolve("never");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ScoreJob.execute(spark, opts("--input", in.toString(), "--input-format", "csv",
        "--output", out.toString(), "--model", bad.toString()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(ExitCodes.MODEL, code);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("trollscan: " + bad + ": not a"), message);
    assertEquals(1, message.lines().count(), message);
    assertFalse(Files.exists(out));
  }

  @Test
  void aMissingInputOrTextColumnIsAnInputErrorNamingIt() throws IOException {
    Path none = dir.resolve("none.csv");
    JobFailure missing = assertThrows(JobFailure.class, () -> ScoreJob.run(spark, opts("--input",
        none.toString(), "--input-format", "csv", "--output", dir.resolve("o1").toString())));
    assertEquals(ExitCodes.INPUT, missing.exitCode());
    assertTrue(missing.getMessage().startsWith(none + ": cannot read as csv"),
        missing.getMessage());
    Path in = Files.writeString(dir.resolve("cols.csv"), "id,body\n1,hello\n");
    JobFailure column = assertThrows(JobFailure.class, () -> ScoreJob.run(spark, opts("--input",
        in.toString(), "--input-format", "csv", "--output", dir.resolve("o2").toString())));
    assertEquals(ExitCodes.INPUT, column.exitCode());
    assertEquals(in + ": no column 'text' for the text (use --text-column); the columns are:"
        + " id, body", column.getMessage());
  }

  @Test
  void aBadCommandLineIsAUsageError() {
    for (String[] args : List.of(new String[] {"--input", "x"},
        new String[] {"--input", "x", "--output", "y", "--partitions", "0"},
        new String[] {"--input", "x", "--output", "y", "--output-format", "xlsx"},
        new String[] {"--input", "x", "--output", "y", "--files", "m.zip"})) {
      JobFailure e = assertThrows(JobFailure.class, () -> ScoreJobOptions.parse(args));
      assertEquals(ExitCodes.USAGE, e.exitCode(), e.getMessage());
    }
  }
}
