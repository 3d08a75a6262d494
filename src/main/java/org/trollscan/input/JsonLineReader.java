package org.trollscan.input;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads JSON Lines one line at a time (a line ends at LF, CR or CRLF) with bounded memory: every
 * JSON string is cut after {@link ReadLimits#TEXT_CHARS} characters (counted as decoded, so an
 * escape such as {@code \u00e9} is one) and its closing quote kept, so that the line stays
 * valid JSON; a line that is still longer than {@link ReadLimits#JSON_LINE_CHARS} is marked
 * overflowing and the rest of it dropped. Only a string's text can be cut this way; everything
 * that is cut is longer than the limits of a row, so nothing that is kept was changed.
 */
final class JsonLineReader {
  private static final int OUT = 0;
  private static final int IN_STRING = 1;
  private static final int ESCAPE = 2;
  private static final int HEX = 3;

  private final CharInput in;
  private char[] buf = new char[1 << 12];
  /** Characters of the current line kept in buf. */
  int length;
  /** The current line's number (1-based). */
  long line;
  /** The line holds nothing but whitespace. */
  boolean blank;
  /** The line was longer than {@link ReadLimits#JSON_LINE_CHARS} after its strings were cut. */
  boolean overflow;

  JsonLineReader(CharInput in) {
    this.in = in;
  }

  char[] chars() {
    return buf;
  }

  String raw() {
    return new String(buf, 0, Math.min(length, ReadLimits.RAW_CHARS));
  }

  /** Reads the next line; false at the end of the input. */
  boolean next() throws IOException {
    if (!in.ensure()) {
      return false;
    }
    line++;
    length = 0;
    blank = true;
    overflow = false;
    int state = OUT;
    int units = 0;
    int hexLeft = 0;
    boolean dropping = false;
    int c;
    while (true) {
      if (state == IN_STRING) {
        // A run of plain string characters at once: a 1 GB string is one long run.
        if (!in.ensure()) {
          c = CharInput.EOF;
          break;
        }
        char[] b = in.buffer();
        int p = in.position();
        int n = in.limit();
        int from = p;
        while (p < n) {
          char ch = b[p];
          if (ch == '"' || ch == '\\' || ch == '\r' || ch == '\n') {
            break;
          }
          p++;
        }
        if (p > from) {
          blank = false;
          if (!dropping) {
            int take = Math.min(p - from, ReadLimits.TEXT_CHARS - units);
            for (int i = from; i < from + take; i++) {
              append(b[i]);
            }
            units += take;
            dropping = take < p - from;
          }
          in.moveTo(p);
          if (p == n) {
            continue;
          }
        }
      }
      c = in.read();
      if (c == CharInput.EOF || c == '\n' || c == '\r') {
        break;
      }
      if (blank && !Character.isWhitespace(c)) {
        blank = false;
      }
      switch (state) {
        case OUT -> {
          append(c);
          if (c == '"') {
            state = IN_STRING;
            units = 0;
            dropping = false;
          }
        }
        case IN_STRING -> {
          if (c == '"') {
            append(c);
            state = OUT;
          } else {
            if (!dropping && units == ReadLimits.TEXT_CHARS) {
              dropping = true;
            }
            if (!dropping) {
              units++;
              append(c);
            }
            if (c == '\\') {
              state = ESCAPE;
            }
          }
        }
        case ESCAPE -> {
          if (!dropping) {
            append(c);
          }
          if (c == 'u') {
            state = HEX;
            hexLeft = 4;
          } else {
            state = IN_STRING;
          }
        }
        default -> { // HEX
          if (Character.digit(c, 16) >= 0) {
            if (!dropping) {
              append(c);
            }
            if (--hexLeft == 0) {
              state = IN_STRING;
            }
          } else {
            // A broken \\u escape: the parser rejects the line; c is read as string content.
            state = IN_STRING;
            in.unread();
          }
        }
      }
    }
    if (c == '\r' && in.peek() == '\n') {
      in.read();
    }
    return true;
  }

  private void append(int c) {
    if (length == ReadLimits.JSON_LINE_CHARS) {
      overflow = true;
      return;
    }
    if (length == buf.length) {
      buf = Arrays.copyOf(buf, Math.min(buf.length * 2, ReadLimits.JSON_LINE_CHARS));
    }
    buf[length++] = (char) c;
  }
}
