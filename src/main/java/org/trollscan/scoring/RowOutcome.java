package org.trollscan.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trollscan.input.Post;
import org.trollscan.normalize.PostText;
import org.trollscan.input.ReadItem;
import org.trollscan.input.RejectedRow;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/** What became of one input row: scored, or rejected with the reason. */
public sealed interface RowOutcome permits RowOutcome.Scored, RowOutcome.Rejected {

  /**
   * A post and its score.
   *
   * @param empty whether the post shows nothing ({@link PostText#isEmpty}) and was scored by rule
   * @param language the post's language ({@code --detect-language}), "" for an empty post, null
   *     when not asked for
   */
  record Scored(Post post, Score score, boolean empty, String language) implements RowOutcome {}

  /** A row that was not scored: the reader could not make a post of it, or scoring it failed. */
  record Rejected(RejectedRow row) implements RowOutcome {}

  /**
   * Scores a row read from the input. A post that makes the scorer throw is a bug in trollscan,
   * but it stops nothing: the row is rejected with the error named (so it is counted, listed by
   * {@code --errors} and turns the exit code to 6) and the run goes on with the next post.
   */
  static RowOutcome of(ReadItem item, PostScorer scorer, boolean withEvidence) {
    return of(item, scorer, withEvidence, null);
  }

  /**
   * As {@link #of(ReadItem, PostScorer, boolean)}, guessing each post's language with
   * {@code languages} unless it is null.
   */
  static RowOutcome of(ReadItem item, PostScorer scorer, boolean withEvidence,
      LanguageOf languages) {
    if (item instanceof RejectedRow row) {
      return new Rejected(row);
    }
    Post post = (Post) item;
    try {
      if (PostText.isEmpty(post.text())) {
        return new Scored(post, emptyScore(scorer.labels()), true, languages == null ? null : "");
      }
      Score score = scorer.score(post, withEvidence);
      return new Scored(post, score, false,
          languages == null ? null : languages.language(post.text()));
    } catch (org.trollscan.input.InputException e) {
      return new Rejected(new RejectedRow(post.source(), post.line(), e.getMessage(),
          post.text()));
    } catch (RuntimeException | StackOverflowError e) {
      String what = e.getClass().getSimpleName() + (e.getMessage() == null ? ""
          : ": " + e.getMessage());
      return new Rejected(new RejectedRow(post.source(), post.line(),
          "internal error while scoring this post (" + what + "); please report it",
          post.text()));
    }
  }

  /**
   * The score of a post that shows nothing: 0 for every label, nothing flagged, whatever the
   * thresholds. It is not the model's score of the empty string (that is the model's bias, 0.05
   * for harassment with the shipped model, and differs from model to model): the labels are
   * defined by what a post says, so a post that says nothing is neither, by definition.
   */
  static Score emptyScore(List<Label> labels) {
    Map<Label, Double> zero = new EnumMap<>(Label.class);
    for (Label l : labels) {
      zero.put(l, 0.0);
    }
    return new Score(zero, List.of(), new EnumMap<>(Label.class), false);
  }

  /** A post's language code; thread-safe. */
  @FunctionalInterface
  interface LanguageOf {
    String language(String text);
  }
}
