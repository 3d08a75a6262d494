package org.trollscan.context;

import java.util.Locale;

/**
 * How harassment is scored in context ({@code train --context-harassment}, docs/context.md):
 * {@link #IMPLIED} by the post-alone harassment score, {@link #MODEL} by a harassment context
 * model of its own; either raised to the context false_report score where that is flagged
 * (LABELLING.md: every false_report post is harassment).
 */
public enum HarassmentRule {
  /** The post-alone harassment score: context can raise it, never lower it. */
  IMPLIED,
  /** A harassment context maxent over the same features: context can lower it too. */
  MODEL;

  /** The option's spelling: {@code implied} or {@code model}. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The rule an option value names.
   *
   * @throws IllegalArgumentException naming the option and the values allowed
   */
  public static HarassmentRule fromOption(String value) {
    for (HarassmentRule r : values()) {
      if (r.option().equals(value)) {
        return r;
      }
    }
    throw new IllegalArgumentException("--context-harassment must be implied or model, not '"
        + value + "'");
  }
}
