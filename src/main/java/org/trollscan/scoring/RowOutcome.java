package org.trollscan.scoring;

import org.trollscan.input.Post;
import org.trollscan.input.ReadItem;
import org.trollscan.input.RejectedRow;
import org.trollscan.model.Score;

/** What became of one input row: scored, or rejected with the reason. */
public sealed interface RowOutcome permits RowOutcome.Scored, RowOutcome.Rejected {

  /** A post and its score. */
  record Scored(Post post, Score score) implements RowOutcome {}

  /** A row that was not scored: the reader could not make a post of it, or scoring it failed. */
  record Rejected(RejectedRow row) implements RowOutcome {}

  /**
   * Scores a row read from the input. A post that makes the scorer throw is a bug in trollscan,
   * but it stops nothing: the row is rejected with the error named (so it is counted, listed by
   * {@code --errors} and turns the exit code to 6) and the run goes on with the next post.
   */
  static RowOutcome of(ReadItem item, PostScorer scorer, boolean withEvidence) {
    if (item instanceof RejectedRow row) {
      return new Rejected(row);
    }
    Post post = (Post) item;
    try {
      return new Scored(post, scorer.score(post, withEvidence));
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
}
