package org.trollscan.spark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.output.Cells;

/**
 * The Spark SQL function {@code trollscan_score(text)}: the CLI's {@link Scorer}, returning a
 * struct of both probabilities, the flagged labels and the evidence. The model bundle is loaded
 * once per executor JVM and shared by its tasks (the scorer is thread-safe).
 */
public final class TrollscanFunctions {
  public static final String NAME = "trollscan_score";

  /** The struct the function returns. */
  public static final StructType SCORE_TYPE = new StructType()
      .add("harassment", DataTypes.DoubleType)
      .add("false_report", DataTypes.DoubleType)
      .add("flagged", DataTypes.createArrayType(DataTypes.StringType))
      .add("evidence", DataTypes.StringType);

  private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();

  private TrollscanFunctions() {}

  /**
   * Registers {@code trollscan_score} on the session. {@code modelPath} is a bundle on the
   * driver's and executors' file systems, or the name of a file shipped with
   * {@code spark-submit --files}; null uses the model inside trollscan. The model is loaded on
   * the driver first, so a missing or corrupt model fails the job before any task runs.
   */
  public static void register(SparkSession spark, String modelPath) {
    scorer(modelPath);
    spark.udf().register(NAME, (UDF1<String, Row>) text -> score(modelPath, text), SCORE_TYPE);
  }

  /** The scorer for a model, loaded once per JVM. */
  static Scorer scorer(String modelPath) {
    return SCORERS.computeIfAbsent(modelPath == null ? "" : modelPath, path -> {
      ModelBundle bundle = path.isEmpty() ? BundleIO.loadDefault() : BundleIO.load(resolve(path));
      return new Scorer(bundle);
    });
  }

  private static Path resolve(String path) {
    Path p = Path.of(path);
    if (Files.exists(p)) {
      return p;
    }
    try {
      // On an executor, a file shipped with --files lives in the SparkFiles directory.
      String shipped = SparkFiles.get(new File(path).getName());
      if (new File(shipped).exists()) {
        return Path.of(shipped);
      }
    } catch (RuntimeException notInSpark) {
      // No SparkContext in this JVM: fall through to the plain path, which BundleIO reports.
    }
    return p;
  }

  /** Scores one text; null or blank text gives null, as a SQL function should. */
  static Row score(String modelPath, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Scorer scorer = scorer(modelPath);
    Score s = scorer.score(text, true);
    List<Label> labels = scorer.bundle().labels();
    return RowFactory.create(
        s.probabilities().get(Label.HARASSMENT),
        s.probabilities().get(Label.FALSE_REPORT),
        s.flagged().stream().map(Label::column).toArray(String[]::new),
        labels.isEmpty() ? "" : Cells.evidence(s.flagged(), s.evidence()));
  }
}
