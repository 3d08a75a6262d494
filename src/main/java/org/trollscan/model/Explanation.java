package org.trollscan.model;

import java.util.List;
import java.util.Map;

/**
 * Why a post got its scores: the text as the model saw it, and each label's additive breakdown.
 *
 * @param normalized the normalised text
 * @param tokens its tokens
 * @param labels per label, the breakdown of its score
 */
public record Explanation(String normalized, List<String> tokens, Map<Label, LabelExplanation> labels) {

  /**
   * One label's score as a sum: {@code logit} is the sum of all contributions and
   * {@code modelProbability} its logistic. {@code probability} is the score the post gets: the
   * same, unless {@code impliedByFalseReport} (harassment raised to a flagged false_report's
   * probability by {@link LabelImplication}; the evidence is then false_report's).
   */
  public record LabelExplanation(
      double probability,
      double threshold,
      double logit,
      double modelProbability,
      boolean impliedByFalseReport,
      List<Contribution> contributions,
      List<String> evidence) {}
}
