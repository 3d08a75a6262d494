package org.trollscan.scoring;

import java.util.List;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/**
 * Scores one post's text: the model's {@link org.trollscan.model.Scorer} in a run, or a stand-in
 * in a test. Must be safe to call from several threads at once.
 */
public interface PostScorer {
  Score score(String text, boolean withEvidence);

  /** The labels every score has a probability for (an empty post's score names them too). */
  List<Label> labels();

  /** The model's scorer. */
  static PostScorer of(Scorer scorer) {
    List<Label> labels = scorer.bundle().labels();
    return new PostScorer() {
      @Override
      public Score score(String text, boolean withEvidence) {
        return scorer.score(text, withEvidence);
      }

      @Override
      public List<Label> labels() {
        return labels;
      }
    };
  }
}
