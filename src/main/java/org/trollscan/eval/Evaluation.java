package org.trollscan.eval;

import java.util.List;
import java.util.Map;
import org.trollscan.model.EvidenceSpan;

/**
 * The result of evaluating a model on labelled posts: overall metrics per label and the same per
 * slice (value of a --by column).
 *
 * @param rows posts evaluated
 * @param labels label name to its metrics
 * @param slices column name to value to label name to metrics
 * @param scored every post's scores next to its gold labels (for --predictions and the report)
 */
public record Evaluation(
    long rows,
    Map<String, LabelMetrics> labels,
    Map<String, Map<String, Map<String, LabelMetrics>>> slices,
    List<ScoredRow> scored) {

  /** The metrics of every label on the rows of a scope (empty for an unknown slice). */
  public Map<String, LabelMetrics> at(Scope scope) {
    if (scope.isAll()) {
      return labels;
    }
    Map<String, Map<String, LabelMetrics>> byValue = slices.get(scope.column());
    Map<String, LabelMetrics> m = byValue == null ? null : byValue.get(scope.value());
    return m == null ? Map.of() : m;
  }

  /**
   * One evaluated post.
   *
   * @param id the post id
   * @param text the post
   * @param scores label name to probability
   * @param gold label name to gold value (absent when not labelled)
   * @param fields the input row
   * @param evidence label name to the phrases that raised its score most (every label)
   * @param spans label name to the same phrases with their offsets in {@code text}; empty when
   *     the rows came without them
   */
  public record ScoredRow(String id, String text, Map<String, Double> scores,
      Map<String, Boolean> gold, Map<String, String> fields, Map<String, List<String>> evidence,
      Map<String, List<EvidenceSpan>> spans) {

    /** A row whose evidence has no offsets. */
    public ScoredRow(String id, String text, Map<String, Double> scores,
        Map<String, Boolean> gold, Map<String, String> fields,
        Map<String, List<String>> evidence) {
      this(id, text, scores, gold, fields, evidence, Map.of());
    }
  }
}
