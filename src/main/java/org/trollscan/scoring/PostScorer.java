package org.trollscan.scoring;

import org.trollscan.model.Score;

/**
 * Scores one post's text: the model's {@link org.trollscan.model.Scorer} in a run, or a stand-in
 * in a test. Must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface PostScorer {
  Score score(String text, boolean withEvidence);

  /**
   * Scores one post read from the input; by default its text. A scorer that reads the row's
   * other fields (summarize on a file score wrote) overrides it, and throws an
   * {@link org.trollscan.input.InputException} whose message says what is wrong with the row
   * when it cannot: the row is then rejected with that reason.
   */
  default Score score(org.trollscan.input.Post post, boolean withEvidence) {
    return score(post.text(), withEvidence);
  }
}
