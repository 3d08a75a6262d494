package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
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

  TextPostSource(String source, Reader reader, ReaderOptions options) {
    this.source = source;
    List<String> missing = options.requiredColumns().stream().filter(c -> !c.equals("text"))
        .toList();
    if (!missing.isEmpty()) {
      throw new InputException(source + ": --keep names unknown column(s) " + missing
          + "; plain text has one column: text");
    }
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
        if (!input.ensure()) {
          return null;
        }
        line++;
        text.setLength(0);
        boolean blank = true;
        int c;
        while (true) {
          if (!input.ensure()) {
            c = CharInput.EOF;
            break;
          }
          char[] b = input.buffer();
          int p = input.position();
          int n = input.limit();
          int from = p;
          while (p < n && b[p] != '\n' && b[p] != '\r') {
            p++;
          }
          if (blank) {
            for (int i = from; i < p; i++) {
              if (!Character.isWhitespace(b[i])) {
                blank = false;
                break;
              }
            }
          }
          int take = Math.min(p - from, ReadLimits.TEXT_CHARS - text.length());
          if (take > 0) {
            text.append(b, from, take);
          }
          if (p < n) {
            c = b[p];
            input.moveTo(p + 1);
            break;
          }
          input.moveTo(p);
        }
        if (c == '\r' && input.peek() == '\n') {
          input.read();
        }
        if (blank) {
          blankLines++;
          continue;
        }
        // A line blank as far as it was kept, or of invisible characters only, is an empty
        // post: a row of the output like any other.
        String raw = text.toString();
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
