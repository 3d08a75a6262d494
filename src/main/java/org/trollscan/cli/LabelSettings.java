package org.trollscan.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trollscan.model.Label;

/**
 * Reads {@code --threshold LABEL=VALUE} for {@code score} and {@code eval}, with one message per
 * mistake (exit 2). Label settings have one syntax on every option: the label, for a gate a dot
 * and the metric ({@code --min harassment.f1=0.8}, {@link org.trollscan.eval.Gate}), then
 * {@code =} and the value. Forms that mix the two up are named and corrected, not guessed at.
 */
final class LabelSettings {
  private LabelSettings() {}

  /**
   * The thresholds given, by label; a label given twice takes its last value.
   *
   * @param known the labels the model (or the tool) scores
   */
  static Map<Label, Double> thresholds(List<String> specs, List<Label> known) {
    Map<Label, Double> out = new EnumMap<>(Label.class);
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq < 0) {
        int colon = spec.lastIndexOf(':');
        throw new UsageException("--threshold " + spec + ": write LABEL=VALUE, e.g. "
            + (colon > 0 ? "--threshold " + spec.substring(0, colon) + "="
                + spec.substring(colon + 1) : "--threshold false_report=0.7"));
      }
      String name = spec.substring(0, eq).strip();
      Label label = Label.fromColumn(name);
      if (label == null || !known.contains(label)) {
        int dot = name.indexOf('.');
        if (dot > 0 && Label.fromColumn(name.substring(0, dot)) != null) {
          throw new UsageException("--threshold " + spec + ": a threshold is set per label, "
              + "LABEL=VALUE (e.g. " + name.substring(0, dot) + "=0.5); a gate on a metric is "
              + "eval's --min " + spec);
        }
        throw new UsageException("--threshold " + spec + ": unknown label '" + name
            + "'; the model has " + String.join(", ", known.stream().map(Label::column)
                .toList()));
      }
      double value;
      try {
        value = Double.parseDouble(spec.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!(value >= 0 && value <= 1)) {
        throw new UsageException("--threshold " + spec + ": the value must be a number from 0 "
            + "to 1, not '" + spec.substring(eq + 1) + "'");
      }
      out.put(label, value);
    }
    return out;
  }
}
