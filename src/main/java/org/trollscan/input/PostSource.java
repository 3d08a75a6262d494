package org.trollscan.input;

import java.io.Closeable;

/** Reads posts one at a time from one input, so that memory does not grow with the input. */
public interface PostSource extends Closeable {
  /** The next row as a post or a rejected row, or null at the end of the input. */
  ReadItem next();

  /**
   * Blank lines skipped so far (empty or nothing but whitespace, outside a quoted field): they
   * are not rows in any format, and are counted here so that a summary can say so.
   */
  default long blankLines() {
    return 0;
  }

  /**
   * Posts so far whose id is their row or line number because the input has no id column (CSV)
   * or the row no id field (JSON Lines); plain text, which has no ids, counts none.
   */
  default long numberedRows() {
    return 0;
  }

  @Override
  void close();
}
