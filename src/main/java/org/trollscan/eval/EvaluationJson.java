package org.trollscan.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Evaluation} as JSON in the documented, stable schema
 * {@value #SCHEMA} (see README "Evaluation JSON"). NaN is written as null.
 */
public final class EvaluationJson {
  public static final String SCHEMA = "trollscan-eval/1";

  private EvaluationJson() {}

  public static void write(Evaluation e, String modelVersion, List<Gate.Result> gates,
      OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("model_version", modelVersion);
      g.writeNumberField("rows", e.rows());
      g.writeObjectFieldStart("labels");
      writeLabels(g, e.labels());
      g.writeEndObject();
      g.writeObjectFieldStart("slices");
      for (Map.Entry<String, Map<String, Map<String, LabelMetrics>>> column : e.slices().entrySet()) {
        g.writeObjectFieldStart(column.getKey());
        for (Map.Entry<String, Map<String, LabelMetrics>> value : column.getValue().entrySet()) {
          g.writeObjectFieldStart(value.getKey());
          writeLabels(g, value.getValue());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("gates");
      for (Gate.Result r : gates) {
        g.writeStartObject();
        g.writeStringField("label", r.gate().label());
        g.writeStringField("metric", r.gate().metric());
        g.writeNumberField("min", r.gate().min());
        number(g, "value", r.value());
        g.writeBooleanField("passed", r.passed());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeLabels(JsonGenerator g, Map<String, LabelMetrics> labels)
      throws IOException {
    for (Map.Entry<String, LabelMetrics> l : labels.entrySet()) {
      LabelMetrics m = l.getValue();
      g.writeObjectFieldStart(l.getKey());
      g.writeNumberField("support", m.support());
      g.writeNumberField("positives", m.positives());
      number(g, "threshold", m.threshold());
      number(g, "precision", m.precision());
      number(g, "recall", m.recall());
      number(g, "f1", m.f1());
      number(g, "accuracy", m.accuracy());
      number(g, "roc_auc", m.auc());
      number(g, "average_precision", m.averagePrecision());
      number(g, "brier", m.brier());
      number(g, "ece", m.ece());
      number(g, "best_f1_threshold", m.bestF1Threshold());
      number(g, "best_f1", m.bestF1());
      g.writeObjectFieldStart("confusion");
      g.writeNumberField("tp", m.confusion().truePositives());
      g.writeNumberField("fp", m.confusion().falsePositives());
      g.writeNumberField("tn", m.confusion().trueNegatives());
      g.writeNumberField("fn", m.confusion().falseNegatives());
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }
}
