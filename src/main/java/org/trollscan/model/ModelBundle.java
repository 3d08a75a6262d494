package org.trollscan.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trollscan.rules.Rules;

/**
 * A trained model as loaded for scoring: the manifest that says how it was made, each label's
 * threshold, the labels' maxent weights compiled into one table, and the rules (lexicons, word
 * lists, rule tables) read from the bundle, which alone decide the features.
 */
public record ModelBundle(Manifest manifest, Map<Label, LabelModel> models,
    CompiledWeights compiled, Rules rules) {

  public ModelBundle {
    models = java.util.Collections.unmodifiableMap(new EnumMap<>(models));
  }

  /** The labels this bundle scores, in {@link Label} order. */
  public List<Label> labels() {
    return new ArrayList<>(models.keySet());
  }

  public LabelModel model(Label label) {
    return models.get(label);
  }

  /** A copy with some thresholds replaced (from --threshold LABEL=VALUE). */
  public ModelBundle withThresholds(Map<Label, Double> thresholds) {
    Map<Label, LabelModel> changed = new EnumMap<>(models);
    thresholds.forEach((label, t) -> {
      LabelModel m = changed.get(label);
      if (m == null) {
        throw new IllegalArgumentException("the model has no label " + label.column());
      }
      changed.put(label, m.withThreshold(t));
    });
    return new ModelBundle(manifest, changed, compiled, rules);
  }
}
