package org.trollscan.output;

import java.io.IOException;
import org.trollscan.input.Post;
import org.trollscan.model.Score;

/** Writes scored posts in one output format, one row at a time. */
public interface ScoreWriter {
  void write(Post post, Score score) throws IOException;

  /**
   * Writes a post with its language ({@code --detect-language}; null when not detected), in the
   * {@code language} column when the columns have one.
   */
  default void write(Post post, Score score, String language) throws IOException {
    write(post, score);
  }

  /** Writes what is still pending (a CSV header when no row came) and flushes. */
  void finish() throws IOException;

  /**
   * Pushes the rows written so far to the output: a co-process that wrote one post into a pipe
   * waits for its row. Nothing by default, for writers that only ever write whole files.
   */
  default void flush() throws IOException {}
}
