package org.trollscan.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The metrics that carry bootstrap intervals and can be gated, each with its JSON key, the short
 * names accepted on the command line, and whether lower is better (Brier, ECE).
 */
public enum Metric {
  PRECISION("precision", false),
  RECALL("recall", false),
  F1("f1", false),
  ACCURACY("accuracy", false, "pass_rate"),
  ROC_AUC("roc_auc", false, "auc"),
  AVERAGE_PRECISION("average_precision", false, "ap", "pr_auc"),
  BRIER("brier", true),
  ECE("ece", true);

  private final String key;
  private final boolean lowerIsBetter;
  private final List<String> aliases;

  Metric(String key, boolean lowerIsBetter, String... aliases) {
    this.key = key;
    this.lowerIsBetter = lowerIsBetter;
    this.aliases = List.of(aliases);
  }

  /** The name in the evaluation JSON. */
  public String key() {
    return key;
  }

  /** True for Brier and ECE, whose gates are ceilings and whose drop is an increase. */
  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  /** The metric named by its JSON key or a short name (auc, ap, pr_auc, pass_rate); null if none. */
  public static Metric byName(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (Metric m : values()) {
      if (m.key.equals(n) || m.aliases.contains(n)) {
        return m;
      }
    }
    return null;
  }

  /** Every accepted name, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(m -> m.aliases.isEmpty() ? m.key
        : m.key + " (" + String.join(", ", m.aliases) + ")").toList());
  }

  /** This metric's value in a point estimate. */
  public double of(LabelMetrics m) {
    return switch (this) {
      case PRECISION -> m.precision();
      case RECALL -> m.recall();
      case F1 -> m.f1();
      case ACCURACY -> m.accuracy();
      case ROC_AUC -> m.auc();
      case AVERAGE_PRECISION -> m.averagePrecision();
      case BRIER -> m.brier();
      case ECE -> m.ece();
    };
  }
}
