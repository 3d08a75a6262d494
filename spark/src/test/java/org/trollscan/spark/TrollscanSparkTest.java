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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.BundleIO;
import org.trollscan.model.BundleException;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/** trollscan on Spark in local[2] mode: the same scores as the CLI, and clear model errors. */
class TrollscanSparkTest {
  static final String MODEL = "../models/trollscan-default.zip";
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("trollscan-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
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
  void nullTextGivesNull() {
    TrollscanFunctions.register(spark, MODEL);
    Row r = spark.sql("SELECT trollscan_score(CAST(NULL AS STRING))").first();
    assertNull(r.get(0));
  }

  @Test
  void batchJobKeepsInputColumnsAndAddsScores() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "id,author,body\n1,ann,\"ring social services on her, tonight\"\n"
        + "2,bea,lovely cake\n3,cat,\"@jen you're a thick cow\"\n");
    Path out = dir.resolve("out");
    long n = ScoreJob.run(spark, Map.of("--input", in.toString(), "--input-format", "csv",
        "--text-column", "body", "--output", out.toString(), "--output-format", "parquet",
        "--model", MODEL));
    assertEquals(3, n);
    Dataset<Row> result = spark.read().parquet(out.toString()).orderBy("id");
    assertEquals(List.of("id", "author", "body", "harassment", "false_report", "flagged", "evidence"),
        List.of(result.columns()));
    Scorer cli = new Scorer(BundleIO.load(Path.of(MODEL)));
    for (Row r : result.collectAsList()) {
      assertEquals(cli.score(r.getString(2), false).probabilities().get(Label.HARASSMENT),
          r.getDouble(3), 1e-9);
    }
  }

  @Test
  void aMissingModelFailsBeforeAnyTaskWithAClearMessage() {
    BundleException e = assertThrows(BundleException.class,
        () -> TrollscanFunctions.register(spark, dir.resolve("none.zip").toString()));
    assertTrue(e.getMessage().contains("model file not found"), e.getMessage());
  }

  @Test
  void aCorruptModelFailsTheJobWithAClearMessage() throws IOException {
    Path bad = dir.resolve("bad.zip");
    Files.writeString(bad, "not a model");
    Path in = dir.resolve("in2.csv");
    Files.writeString(in, "text\nhello\n");
    BundleException e = assertThrows(BundleException.class, () -> ScoreJob.run(spark,
        Map.of("--input", in.toString(), "--input-format", "csv", "--output",
            dir.resolve("out2").toString(), "--model", bad.toString())));
    assertTrue(e.getMessage().contains("not a"), e.getMessage());
  }
}
