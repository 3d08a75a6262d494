package org.trollscan.input;

import java.io.Closeable;

/** Reads posts one at a time from one input, so that memory does not grow with the input. */
public interface PostSource extends Closeable {
  /** The next row as a post or a rejected row, or null at the end of the input. */
  ReadItem next();

  @Override
  void close();
}
