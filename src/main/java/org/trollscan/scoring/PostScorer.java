package org.trollscan.scoring;

import java.util.List;
import java.util.function.BiFunction;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/**
 * Scores one post's text: the model's {@link org.trollscan.model.Scorer} in a run, or a stand-in
 * in a test. Must be safe to call from several threads at once.
 */
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

  /** The labels every score has a probability for (an empty post's score names them too). */
  List<Label> labels();

  /** The model's scorer. */
  static PostScorer of(Scorer scorer) {
    return of(scorer.bundle().labels(), scorer::score);
  }

  /** A scorer for {@code labels} that scores with {@code score}. */
  static PostScorer of(List<Label> labels, BiFunction<String, Boolean, Score> score) {
    return new PostScorer() {
      @Override
      public Score score(String text, boolean withEvidence) {
        return score.apply(text, withEvidence);
      }

      @Override
      public List<Label> labels() {
        return labels;
      }
    };
  }
}
