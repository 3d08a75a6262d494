package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;

/** A buffered character reader with one character of look-ahead, for the JSON Lines and plain-text readers. */
final class CharInput {
  static final int EOF = -1;

  private final Reader reader;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;

  CharInput(Reader reader) {
    this.reader = reader;
  }

  int read() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos++];
  }

  int peek() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos];
  }

  /*
   * Direct access to the buffer, for loops that scan runs of ordinary characters: a character at
   * a time through read() costs several times as much on a 1 GB line.
   */

  /** Makes at least one character available in the buffer; false at the end of the input. */
  boolean ensure() throws IOException {
    return pos < len || fill();
  }

  char[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  int limit() {
    return len;
  }

  /** Gives back the character just read (always still in the buffer). */
  void unread() {
    pos--;
  }

  /** Consumes the buffered characters before {@code p}. */
  void moveTo(int p) {
    pos = p;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = reader.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }

  void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Closing a reader we only read from loses nothing.
    }
  }
}
