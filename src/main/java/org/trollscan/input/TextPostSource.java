package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/**
 * Posts from plain text, one post per line (LF, CR or CRLF); the id is the line number. A line
 * longer than {@link ReadLimits#TEXT_CHARS} is cut while it is read (the scorer reads less);
 * blank lines are skipped and counted.
 */
final class TextPostSource implements PostSource {
  private final String source;
  private final CharInput input;
  private final StringBuilder text = new StringBuilder();
  private long line;
  private long blankLines;

  TextPostSource(String source, Reader reader) {
    this.source = source;
    this.input = new CharInput(reader);
  }

  @Override
  public long blankLines() {
    return blankLines;
  }

  @Override
  public ReadItem next() {
    try {
      while (true) {
        int c = input.read();
        if (c == CharInput.EOF) {
          return null;
        }
        line++;
        text.setLength(0);
        boolean blank = true;
        while (c != CharInput.EOF && c != '\n' && c != '\r') {
          if (blank && !Character.isWhitespace(c)) {
            blank = false;
          }
          if (text.length() < ReadLimits.TEXT_CHARS) {
            text.append((char) c);
          }
          c = input.read();
        }
        if (c == '\r' && input.peek() == '\n') {
          input.read();
        }
        if (blank) {
          blankLines++;
          continue;
        }
        String raw = text.toString();
        if (raw.isBlank()) {
          // Blank as far as it was kept: nothing for the scorer to read.
          return new RejectedRow(source, line, "empty text",
              raw.substring(0, Math.min(raw.length(), ReadLimits.RAW_CHARS)));
        }
        return new Post(source, line, Long.toString(line), raw, Map.of("text", raw));
      }
    } catch (IOException e) {
      throw new InputException(source, line, "cannot read on: " + PostSources.reason(e));
    }
  }

  @Override
  public void close() {
    input.close();
  }
}
