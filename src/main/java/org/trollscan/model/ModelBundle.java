package org.trollscan.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trollscan.rules.Rules;

/**
 * A trained model as loaded for scoring: the manifest that says how it was made, each label's
 * threshold, the labels' maxent weights compiled into one table, and the rules (lexicons, word
 * lists, rule tables) read from the bundle, which alone decide the features; and the context
 * stage's false_report model and harassment model, each null when the bundle has none.
 */
public record ModelBundle(Manifest manifest, Map<Label, LabelModel> models,
    CompiledWeights compiled, Rules rules, org.trollscan.context.ContextModel context,
    org.trollscan.context.ContextModel contextHarassment) {

  public ModelBundle {
    models = java.util.Collections.unmodifiableMap(new EnumMap<>(models));
  }

  /** A bundle without a context stage. */
  public ModelBundle(Manifest manifest, Map<Label, LabelModel> models, CompiledWeights compiled,
      Rules rules) {
    this(manifest, models, compiled, rules, null, null);
  }

  /** Whether the bundle has a context stage ({@code score --thread-column}). */
  public boolean hasContext() {
    return context != null;
  }

  /**
   * A scorer of posts in their threads, remembering at most {@code maxOpenThreads} threads (the
   * bundle's default when 0); the bundle must have a context stage.
   */
  public org.trollscan.context.ContextScorer contextScorer(int maxOpenThreads) {
    return contextScorer(maxOpenThreads, Map.of());
  }

  /**
   * As {@link #contextScorer(int)}, with {@code overrides} (--threshold) in place of the
   * bundle's context thresholds: they decide both the flags and where harassment is raised to
   * the false_report score, so a post flagged false_report is never scored lower for harassment.
   * The post-alone threshold by which a thread remembers its last flagged post is the bundle's
   * whatever the overrides: it is part of the features the context model was trained on.
   */
  public org.trollscan.context.ContextScorer contextScorer(int maxOpenThreads,
      Map<Label, Double> overrides) {
    Manifest.Context c = manifest.context();
    Map<Label, Double> t = contextThresholds(overrides);
    return new org.trollscan.context.ContextScorer(context, contextHarassment, c.replyCues(),
        t.get(Label.FALSE_REPORT), t.get(Label.HARASSMENT), c.aloneFalseReportThreshold(),
        maxOpenThreads > 0 ? maxOpenThreads : c.maxOpenThreads());
  }

  /**
   * The thresholds in context by label: the bundle's, with {@code overrides} (--threshold) in
   * their place where given; the bundle must have a context stage.
   */
  public Map<Label, Double> contextThresholds(Map<Label, Double> overrides) {
    Map<Label, Double> t = manifest.context().thresholds();
    t.putAll(overrides);
    return t;
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
    return new ModelBundle(manifest, changed, compiled, rules, context, contextHarassment);
  }
}
