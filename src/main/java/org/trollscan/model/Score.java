package org.trollscan.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one post.
 *
 * @param probabilities each label's probability
 * @param flagged the labels at or over their threshold, in label order
 * @param evidence for each flagged label, up to three phrases of the post that raised its score
 *     most, as written in the post
 * @param truncated whether only a prefix of an overlong post was scored
 * @param spans the same phrases as {@code evidence}, in the same order, with their offsets in the
 *     original post
 * @param alone each label's post-alone probability when {@code probabilities} are the scores in
 *     context ({@code score --thread-column}); empty otherwise
 */
public record Score(
    Map<Label, Double> probabilities,
    List<Label> flagged,
    Map<Label, List<String>> evidence,
    boolean truncated,
    Map<Label, List<EvidenceSpan>> spans,
    Map<Label, Double> alone) {

  /**
   * The post-alone probabilities: {@code alone} for a score in context, else the probabilities
   * themselves (a post scored alone, or an empty post, which is 0 by rule in a thread too).
   */
  public Map<Label, Double> aloneOrProbabilities() {
    return alone.isEmpty() ? probabilities : alone;
  }

  /** A post scored alone. */
  public Score(Map<Label, Double> probabilities, List<Label> flagged,
      Map<Label, List<String>> evidence, boolean truncated, Map<Label, List<EvidenceSpan>> spans) {
    this(probabilities, flagged, evidence, truncated, spans, Map.of());
  }

  /** A score whose evidence has no offsets (phrases only). */
  public Score(Map<Label, Double> probabilities, List<Label> flagged,
      Map<Label, List<String>> evidence, boolean truncated) {
    this(probabilities, flagged, evidence, truncated, new EnumMap<>(Label.class));
  }
}
