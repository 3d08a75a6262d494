package org.trollscan.scoring;

import org.trollscan.model.Score;

/**
 * Scores one post's text: the model's {@link org.trollscan.model.Scorer} in a run, or a stand-in
 * in a test. Must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface PostScorer {
  Score score(String text, boolean withEvidence);
}
