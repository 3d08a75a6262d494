package org.trollscan.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/** Posts from plain text, one post per line; the id is the line number. */
final class TextPostSource implements PostSource {
  private final String source;
  private final BufferedReader reader;
  private long line;

  TextPostSource(String source, Reader reader) {
    this.source = source;
    this.reader = new BufferedReader(reader, 1 << 16);
  }

  @Override
  public ReadItem next() {
    String raw;
    try {
      raw = reader.readLine();
    } catch (IOException e) {
      throw new InputException(source, line + 1, "cannot read: " + e.getMessage());
    }
    if (raw == null) {
      return null;
    }
    line++;
    if (raw.isBlank()) {
      return new RejectedRow(source, line, "empty text", raw);
    }
    return new Post(source, line, Long.toString(line), raw, Map.of("text", raw));
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Closing a reader we only read from loses nothing.
    }
  }
}
