package org.trollscan.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trollscan.normalize.PostText;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.scoring.RowOutcome;

/**
 * The Spark SQL function {@code trollscan_score(text)}: the CLI's {@link Scorer}, returning a
 * struct of both probabilities, the flagged labels and each label's evidence spans, named as the
 * fields of {@code trollscan score --output-format jsonl}. The model is read and
 * checked on the driver and reaches the executors as a broadcast ({@link ShippedModel}); each
 * executor JVM builds its scorer once and shares it between its tasks (the scorer is
 * thread-safe).
 */
public final class TrollscanFunctions {
  public static final String NAME = "trollscan_score";

  /** The labels the struct has fields for, in its order. */
  private static final List<Label> LABELS = List.of(Label.HARASSMENT, Label.FALSE_REPORT);

  /** The struct the function returns. */
  public static final StructType SCORE_TYPE = new StructType()
      .add("harassment", DataTypes.DoubleType)
      .add("false_report", DataTypes.DoubleType)
      .add("flagged", DataTypes.createArrayType(DataTypes.StringType))
      .add("harassment_evidence", DataTypes.createArrayType(ScoreJob.SPAN, false))
      .add("false_report_evidence", DataTypes.createArrayType(ScoreJob.SPAN, false));

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

  /**
   * Scores one text. A text that shows nothing (blank, invisible characters only) is scored 0
   * by the CLI's rule (docs/input.md, "Empty posts"); null gives null, as a SQL function should.
   */
  static Row score(Scorer scorer, String text) {
    if (text == null) {
      return null;
    }
    Score s = PostText.isEmpty(text) ? RowOutcome.emptyScore(LABELS) : scorer.score(text, true);
    return RowFactory.create(
        s.probabilities().get(Label.HARASSMENT),
        s.probabilities().get(Label.FALSE_REPORT),
        s.flagged().stream().map(Label::column).toArray(String[]::new),
        spans(Label.HARASSMENT, s),
        spans(Label.FALSE_REPORT, s));
  }

  /** A label's evidence spans; none when it is not flagged, as in score's JSON Lines. */
  static Row[] spans(Label label, Score s) {
    if (!s.flagged().contains(label)) {
      return new Row[0];
    }
    List<EvidenceSpan> spans = s.spans().getOrDefault(label, List.of());
    Row[] out = new Row[spans.size()];
    for (int i = 0; i < out.length; i++) {
      EvidenceSpan e = spans.get(i);
      out[i] = RowFactory.create(e.phrase(), e.begin(), e.end(), e.weight());
    }
    return out;
  }
}
