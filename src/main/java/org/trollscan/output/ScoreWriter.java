package org.trollscan.output;

import java.io.IOException;
import java.util.List;
import org.trollscan.input.Post;
import org.trollscan.model.Score;
import org.trollscan.scoring.ScoreSink;

/** Writes scored posts in one output format, one row at a time: the sink of {@code score}. */
public interface ScoreWriter extends ScoreSink {
  void write(Post post, Score score) throws IOException;

  @Override
  default void accept(Post post, Score score) throws IOException {
    write(post, score);
  }

  @Override
  default void accept(Post post, Score score, String language) throws IOException {
    write(post, score, language);
  }

  /**
   * Writes a post with its language ({@code --detect-language}; null when not detected), in the
   * {@code language} column when the columns have one.
   */
  default void write(Post post, Score score, String language) throws IOException {
    write(post, score);
  }

  /** Writes what is still pending (a CSV header when no row came) and flushes. */
  @Override
  void finish() throws IOException;

  /**
   * The columns (JSON Lines: fields) of the rows, known from the first row on and after finish;
   * none for a writer that writes no table (a test's).
   */
  default List<String> columns() {
    return List.of();
  }

  /**
   * Pushes the rows written so far to the output: a co-process that wrote one post into a pipe
   * waits for its row. Nothing by default, for writers that only ever write whole files.
   */
  @Override
  default void flush() throws IOException {}
}
