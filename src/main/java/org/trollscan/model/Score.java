package org.trollscan.model;

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
 */
public record Score(
    Map<Label, Double> probabilities,
    List<Label> flagged,
    Map<Label, List<String>> evidence,
    boolean truncated) {}
