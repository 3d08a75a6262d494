package org.trollscan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.BundleIO;
import org.trollscan.model.BundleException;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/** The SQL function in local[2] mode: the same scores as the CLI, and clear model errors. */
class TrollscanSparkTest {
  static final String MODEL = "../models/trollscan-default.zip";
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session();
  }

  static List<String> posts() throws IOException {
    List<String> posts = new ArrayList<>(Files.readAllLines(Path.of("../samples/posts.txt")));
    posts.add("Someone ring social services on Kerry, the kids are always in the same vest");
    posts.add("R3port h3r to s0cial s3rvices!!!");
    posts.add("lovely weather for the fete");
    return posts;
  }

  @Test
  void sqlFunctionGivesTheCliScoresTo1e9() throws IOException {
    TrollscanFunctions.register(spark, MODEL);
    Dataset<Row> df = spark.createDataset(posts(), Encoders.STRING()).toDF("text");
    df.createOrReplaceTempView("posts");
    List<Row> rows = spark.sql("SELECT text, trollscan_score(text) AS s FROM posts").collectAsList();
    Scorer cli = new Scorer(BundleIO.load(Path.of(MODEL)));
    assertEquals(posts().size(), rows.size());
    for (Row r : rows) {
      Score expected = cli.score(r.getString(0), true);
      Row s = r.getStruct(1);
      assertEquals(expected.probabilities().get(Label.HARASSMENT), s.getDouble(0), 1e-9);
      assertEquals(expected.probabilities().get(Label.FALSE_REPORT), s.getDouble(1), 1e-9);
      assertArrayEquals(expected.flagged().stream().map(Label::column).toArray(),
          s.getList(2).toArray());
    }
  }

  @Test
  void sqlFunctionGivesEachLabelsEvidenceSpansAsScoresJsonLines() throws IOException {
    TrollscanFunctions.register(spark, MODEL);
    Dataset<Row> df = spark.createDataset(posts(), Encoders.STRING()).toDF("text");
    Dataset<Row> scored = df.selectExpr("text", "trollscan_score(text) AS s");
    assertEquals(List.of("harassment", "false_report", "flagged", "harassment_evidence",
        "false_report_evidence"), List.of(((org.apache.spark.sql.types.StructType)
            scored.schema().apply("s").dataType()).fieldNames()));
    Scorer cli = new Scorer(BundleIO.load(Path.of(MODEL)));
    int spans = 0;
    for (Row r : scored.collectAsList()) {
      Score expected = cli.score(r.getString(0), true);
      Row s = r.getStruct(1);
      for (Label l : List.of(Label.HARASSMENT, Label.FALSE_REPORT)) {
        List<EvidenceSpan> want = expected.flagged().contains(l) ? expected.spans().get(l)
            : List.of();
        List<EvidenceSpan> got = s.<Row>getList(s.fieldIndex(l.column() + "_evidence")).stream()
            .map(g -> new EvidenceSpan(g.getString(0), g.getInt(1), g.getInt(2), g.getDouble(3)))
            .toList();
        assertEquals(want, got, l + " of " + r.getString(0));
        spans += got.size();
      }
    }
    assertTrue(spans > 0, "some posts are flagged with evidence");
  }

  @Test
  void nullTextGivesNullAndTextThatShowsNothingIsScoredZeroByRule() {
    TrollscanFunctions.register(spark, MODEL);
    Row r = spark.sql("SELECT trollscan_score(CAST(NULL AS STRING))").first();
    assertNull(r.get(0));
    for (String blank : List.of("", "   ", "\u00a0\u200b", "\t")) {
      Row s = spark.createDataset(List.of(blank), Encoders.STRING()).toDF("text")
          .selectExpr("trollscan_score(text) AS s").first().getStruct(0);
      assertEquals(0.0, s.getDouble(0));
      assertEquals(0.0, s.getDouble(1));
      assertEquals(List.of(), s.getList(2));
      assertEquals(List.of(), s.getList(3));
      assertEquals(List.of(), s.getList(4));
    }
  }

  @Test
  void tasksScoreWithTheBytesTheDriverReadNotWithTheModelPath() throws IOException {
    Path copy = dir.resolve("driver-only.zip");
    Files.copy(Path.of(MODEL), copy);
    TrollscanFunctions.register(spark, copy.toString());
    // As on an executor that cannot see the driver's file: gone, and no scorer loaded yet.
    Files.delete(copy);
    ShippedModel.forgetScorers();
    Dataset<Row> df = spark.createDataset(posts(), Encoders.STRING()).toDF("text");
    List<Row> rows = df.selectExpr("text", "trollscan_score(text) AS s").collectAsList();
    Scorer cli = new Scorer(BundleIO.load(Path.of(MODEL)));
    assertEquals(posts().size(), rows.size());
    for (Row r : rows) {
      assertEquals(cli.score(r.getString(0), false).probabilities().get(Label.HARASSMENT),
          r.getStruct(1).getDouble(0), 1e-9);
    }
  }

  @Test
  void aCorruptModelFailsOnTheDriverNamingTheFile() throws IOException {
    Path bad = dir.resolve("corrupt.zip");
    Files.writeString(bad, "not a model");
    BundleException e = assertThrows(BundleException.class,
        () -> TrollscanFunctions.register(spark, bad.toString()));
    assertTrue(e.getMessage().startsWith(bad + ": not a"), e.getMessage());
  }

  @Test
  void aModelNamedByAUriIsReadThroughHadoopsFileSystems() {
    String uri = Path.of(MODEL).toAbsolutePath().toUri().toString();
    ShippedModel m = TrollscanFunctions.register(spark, uri);
    Scorer cli = new Scorer(BundleIO.load(Path.of(MODEL)));
    String post = "Someone ring social services on Kerry";
    assertEquals(cli.score(post, false).probabilities(), m.scorer().score(post, false)
        .probabilities());
    String missing = dir.resolve("none.zip").toUri().toString();
    BundleException e = assertThrows(BundleException.class,
        () -> TrollscanFunctions.register(spark, missing));
    assertEquals(missing + ": model file not found", e.getMessage());
  }

  @Test
  void aMissingModelFailsBeforeAnyTaskWithAClearMessage() {
    BundleException e = assertThrows(BundleException.class,
        () -> TrollscanFunctions.register(spark, dir.resolve("none.zip").toString()));
    assertTrue(e.getMessage().contains("model file not found"), e.getMessage());
  }
}
