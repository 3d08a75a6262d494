package org.trollscan.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes an {@link EvalReport} as JSON in the documented, stable schema {@value #SCHEMA} (see
 * docs/evaluation.md). NaN is written as null. The top-level {@code model_version},
 * {@code labels} and {@code slices} are the first model's, as in {@code trollscan-eval/1}, each
 * label now with its {@code intervals}; {@code models} holds every model's, and
 * {@code comparisons} the paired differences from the baseline.
 */
public final class EvaluationJson {
  public static final String SCHEMA = "trollscan-eval/2";

  private EvaluationJson() {}

  public static void write(EvalReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("model_version", report.main().version());
      g.writeNumberField("rows", report.main().evaluation().rows());
      EvalReport.Provenance p = report.provenance();
      g.writeStringField("tool_version", p.toolVersion());
      g.writeStringField("created_at", p.createdAt());
      g.writeStringField("command_line", p.commandLine());
      g.writeArrayFieldStart("data");
      for (String d : p.data()) {
        g.writeString(d);
      }
      g.writeEndArray();
      BootstrapResult b = report.bootstrap();
      if (b == null) {
        g.writeNullField("bootstrap");
      } else {
        g.writeObjectFieldStart("bootstrap");
        g.writeNumberField("resamples", b.resamples());
        g.writeNumberField("seed", b.seed());
        g.writeStringField("unit", b.unit());
        g.writeNumberField("units", b.units());
        g.writeNumberField("confidence", Bootstrap.CONFIDENCE);
        g.writeStringField("method", "percentile");
        g.writeEndObject();
      }
      writeModel(g, report, 0);
      g.writeArrayFieldStart("models");
      for (int m = 0; m < report.models().size(); m++) {
        EvalReport.ModelRun run = report.models().get(m);
        g.writeStartObject();
        g.writeStringField("name", run.name());
        g.writeStringField("model_version", run.version());
        g.writeBooleanField("baseline", run.baseline());
        writeModel(g, report, m);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("comparisons");
      for (int m = 0; m < report.models().size(); m++) {
        if (report.reference() >= 0 && m != report.reference()) {
          writeComparison(g, report, m);
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("gates");
      for (Gate.Result r : report.gates()) {
        g.writeStartObject();
        g.writeStringField("kind", r.gate().kind() == Gate.Kind.MIN ? "min" : "max_drop");
        g.writeStringField("label", r.gate().label());
        g.writeStringField("metric", r.gate().metric().key());
        g.writeStringField("model", r.model());
        if (r.gate().kind() == Gate.Kind.MIN) {
          number(g, r.gate().metric().lowerIsBetter() ? "max" : "min", r.gate().value());
          number(g, "value", r.observed());
        } else {
          g.writeStringField("baseline", r.baseline());
          number(g, "max_drop", r.gate().value());
          number(g, "drop", r.observed());
        }
        interval(g, "interval", r.interval());
        g.writeBooleanField("passed", r.passed());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** "labels" and "slices" of one model. */
  private static void writeModel(JsonGenerator g, EvalReport report, int model)
      throws IOException {
    Evaluation e = report.models().get(model).evaluation();
    g.writeObjectFieldStart("labels");
    writeLabels(g, report, model, Scope.ALL, e.labels());
    g.writeEndObject();
    g.writeObjectFieldStart("slices");
    for (Map.Entry<String, Map<String, Map<String, LabelMetrics>>> column : e.slices().entrySet()) {
      g.writeObjectFieldStart(column.getKey());
      for (Map.Entry<String, Map<String, LabelMetrics>> value : column.getValue().entrySet()) {
        g.writeObjectFieldStart(value.getKey());
        writeLabels(g, report, model, new Scope(column.getKey(), value.getKey()),
            value.getValue());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeLabels(JsonGenerator g, EvalReport report, int model, Scope scope,
      Map<String, LabelMetrics> labels) throws IOException {
    for (Map.Entry<String, LabelMetrics> l : labels.entrySet()) {
      LabelMetrics m = l.getValue();
      g.writeObjectFieldStart(l.getKey());
      g.writeNumberField("support", m.support());
      g.writeNumberField("positives", m.positives());
      number(g, "threshold", m.threshold());
      for (Metric metric : Metric.values()) {
        number(g, metric.key(), metric.of(m));
      }
      number(g, "best_f1_threshold", m.bestF1Threshold());
      number(g, "best_f1", m.bestF1());
      g.writeObjectFieldStart("confusion");
      g.writeNumberField("tp", m.confusion().truePositives());
      g.writeNumberField("fp", m.confusion().falsePositives());
      g.writeNumberField("tn", m.confusion().trueNegatives());
      g.writeNumberField("fn", m.confusion().falseNegatives());
      g.writeEndObject();
      if (report.bootstrap() != null) {
        g.writeObjectFieldStart("intervals");
        for (Metric metric : Metric.values()) {
          interval(g, metric.key(), report.interval(model, scope, l.getKey(), metric));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  private static void writeComparison(JsonGenerator g, EvalReport report, int model)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("model", report.models().get(model).name());
    g.writeStringField("baseline", report.models().get(report.reference()).name());
    String currentColumn = null;
    for (Scope scope : report.scopes()) {
      if (scope.isAll()) {
        g.writeObjectFieldStart("labels");
        writeDifferences(g, report, model, scope);
        g.writeEndObject();
        g.writeObjectFieldStart("slices");
        continue;
      }
      if (!scope.column().equals(currentColumn)) {
        if (currentColumn != null) {
          g.writeEndObject();
        }
        g.writeObjectFieldStart(scope.column());
        currentColumn = scope.column();
      }
      g.writeObjectFieldStart(scope.value());
      writeDifferences(g, report, model, scope);
      g.writeEndObject();
    }
    if (currentColumn != null) {
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeDifferences(JsonGenerator g, EvalReport report, int model, Scope scope)
      throws IOException {
    for (String label : report.main().evaluation().at(scope).keySet()) {
      if (report.difference(model, scope, label, Metric.F1) == null) {
        continue;
      }
      g.writeObjectFieldStart(label);
      for (Metric metric : Metric.values()) {
        Difference d = report.difference(model, scope, label, metric);
        g.writeObjectFieldStart(metric.key());
        number(g, "difference", d.value());
        interval(g, "interval", d.interval());
        g.writeBooleanField("excludes_zero", d.interval().excludesZero());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  /** [low, high], or null when undefined. */
  private static void interval(JsonGenerator g, String name, Interval i) throws IOException {
    if (!i.defined()) {
      g.writeNullField(name);
      return;
    }
    g.writeArrayFieldStart(name);
    g.writeNumber(i.low());
    g.writeNumber(i.high());
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }
}
