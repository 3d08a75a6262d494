package org.trollscan.spark;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The spark-submit batch job: reads CSV, JSON (Lines) or Parquet, scores one column with
 * {@code trollscan_score}, and writes Parquet or CSV with every input column kept, followed by
 * {@code harassment}, {@code false_report}, {@code flagged} and {@code evidence}.
 *
 * <pre>
 * spark-submit --class org.trollscan.spark.ScoreJob trollscan-spark-0.1.0.jar \
 *   --input posts.parquet --input-format parquet --text-column body \
 *   --output scored/ --output-format parquet [--model model.zip] [--overwrite]
 * </pre>
 */
public final class ScoreJob {
  private ScoreJob() {}

  public static void main(String[] args) {
    Map<String, String> opts = parse(args);
    SparkSession spark = SparkSession.builder().appName("trollscan score").getOrCreate();
    try {
      run(spark, opts);
    } finally {
      if (!opts.containsKey("--keep-session")) {
        spark.stop();
      }
    }
  }

  /** Runs the job on an existing session (tests use a local one). */
  public static long run(SparkSession spark, Map<String, String> opts) {
    TrollscanFunctions.register(spark, opts.get("--model"));
    String inputFormat = opts.getOrDefault("--input-format", "parquet");
    var reader = spark.read().format(inputFormat.equals("jsonl") ? "json" : inputFormat);
    if (inputFormat.equals("csv")) {
      reader = reader.option("header", "true").option("multiLine", "true").option("escape", "\"");
    }
    Dataset<Row> input = reader.load(required(opts, "--input"));
    String textColumn = opts.getOrDefault("--text-column", "text");
    if (!Arrays.asList(input.columns()).contains(textColumn)) {
      throw new IllegalArgumentException("no column '" + textColumn + "' for the text; the columns are: "
          + String.join(", ", input.columns()));
    }
    List<Column> out = new ArrayList<>();
    for (String c : input.columns()) {
      out.add(col(c));
    }
    Dataset<Row> scored = input.withColumn("__trollscan",
        call_function(TrollscanFunctions.NAME, col(textColumn)));
    String outputFormat = opts.getOrDefault("--output-format", "parquet");
    out.add(col("__trollscan.harassment").as("harassment"));
    out.add(col("__trollscan.false_report").as("false_report"));
    out.add(outputFormat.equals("csv")
        ? array_join(col("__trollscan.flagged"), ";").as("flagged")
        : col("__trollscan.flagged").as("flagged"));
    out.add(col("__trollscan.evidence").as("evidence"));
    Dataset<Row> result = scored.select(out.toArray(new Column[0]));
    var writer = result.write().format(outputFormat)
        .mode(opts.containsKey("--overwrite") ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
    if (outputFormat.equals("csv")) {
      writer = writer.option("header", "true").option("escape", "\"");
    }
    writer.save(required(opts, "--output"));
    return result.count();
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + args[i]);
      }
      boolean flag = args[i].equals("--overwrite") || args[i].equals("--keep-session");
      if (!flag && i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      opts.put(args[i], flag ? "true" : args[++i]);
    }
    return opts;
  }
}
