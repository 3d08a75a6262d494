package org.trollscan.scoring;

import java.io.IOException;
import org.trollscan.input.Post;
import org.trollscan.model.Score;

/**
 * Where a {@link ScoringRun} delivers each scored post, in input order, on the run's own
 * thread: an output writer for {@code score}, a collector of labelled results for {@code eval}.
 */
public interface ScoreSink {
  /** Takes one scored post; rows the run filtered out or rejected never come here. */
  void accept(Post post, Score score) throws IOException;

  /**
   * Takes one scored post with its language ({@code --detect-language}; null when not asked);
   * sinks that have no use for the language need not override it.
   */
  default void accept(Post post, Score score, String language) throws IOException {
    accept(post, score);
  }

  /** Called once after the last post of a run that read every input to its end. */
  default void finish() throws IOException {}

  /**
   * Called when the run has delivered everything read so far and waits for more input (a
   * co-process on stdin waits for its answer); a sink that writes pushes its rows out here.
   */
  default void flush() throws IOException {}
}
