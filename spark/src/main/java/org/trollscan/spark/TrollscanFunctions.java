package org.trollscan.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.output.Cells;

/**
 * The Spark SQL function {@code trollscan_score(text)}: the CLI's {@link Scorer}, returning a
 * struct of both probabilities, the flagged labels and the evidence. The model is read and
 * checked on the driver and reaches the executors as a broadcast ({@link ShippedModel}); each
 * executor JVM builds its scorer once and shares it between its tasks (the scorer is
 * thread-safe).
 */
public final class TrollscanFunctions {
  public static final String NAME = "trollscan_score";

  /** The struct the function returns. */
  public static final StructType SCORE_TYPE = new StructType()
      .add("harassment", DataTypes.DoubleType)
      .add("false_report", DataTypes.DoubleType)
      .add("flagged", DataTypes.createArrayType(DataTypes.StringType))
      .add("evidence", DataTypes.StringType);

  private TrollscanFunctions() {}

  /**
   * Registers {@code trollscan_score} on the session. {@code modelPath} is a bundle on the
   * driver's file system (executors need no copy); null uses the model inside trollscan. A
   * missing or corrupt model throws here, on the driver, before any task runs.
   *
   * @return the model shipped, for its name and version
   */
  public static ShippedModel register(SparkSession spark, String modelPath) {
    ShippedModel model = ShippedModel.ship(spark, modelPath);
    spark.udf().register(NAME, (UDF1<String, Row>) text -> score(model.scorer(), text),
        SCORE_TYPE);
    return model;
  }

  /** Scores one text; null or blank text gives null, as a SQL function should. */
  static Row score(Scorer scorer, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Score s = scorer.score(text, true);
    List<Label> flagged = s.flagged();
    return RowFactory.create(
        s.probabilities().get(Label.HARASSMENT),
        s.probabilities().get(Label.FALSE_REPORT),
        flagged.stream().map(Label::column).toArray(String[]::new),
        Cells.evidence(flagged, s.evidence()));
  }
}
