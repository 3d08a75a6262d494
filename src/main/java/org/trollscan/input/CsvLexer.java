package org.trollscan.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV (or TSV) into records while it is read, holding at most a bounded part of
 * each: the text field up to its limit, the other fields up to a shared budget, a bounded number
 * of fields. What is beyond is read and dropped, and the record says so, so that a 1 GB field
 * costs time, not memory. It reads what Commons CSV's {@code RFC4180} format read before (a quote
 * opens a quoted field only at a field's start, {@code ""} inside is one quote, whitespace after
 * the closing quote is skipped, CRLF, LF or CR end a record, a quoted field may span lines).
 */
final class CsvLexer {
  /** One record as read; reused from record to record. */
  static final class Record {
    /** The line the record starts on (1-based). */
    long line;
    /** The fields kept, in order: at most maxFields of them. */
    final List<String> fields = new ArrayList<>();
    /** How many fields the record has, kept or not. */
    int count;
    /** Nothing but whitespace and no quote: a blank line. */
    boolean blank;
    /** The text field was longer than its limit and was cut. */
    boolean textCut;
    /** The other fields exceeded their budget, or there were more than maxFields. */
    boolean overflow;

    private void clear() {
      fields.clear();
      count = 0;
      blank = true;
      textCut = false;
      overflow = false;
    }
  }

  /** A record that is not valid CSV; the message is for the user. */
  static final class SyntaxException extends Exception {
    final long line;

    SyntaxException(long line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final CharInput in;
  private final char delimiter;
  private final StringBuilder field = new StringBuilder();
  /** Characters of the current field were dropped over its limit. */
  private boolean dropped;
  /** The line of the next character. */
  private long line = 1;

  CsvLexer(CharInput in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /**
   * Reads the next record into {@code r}.
   *
   * @param textIndex the field that is the text, or -1
   * @param textLimit characters of the text field to keep
   * @param otherBudget characters the other fields may hold together
   * @param maxFields fields to keep
   * @param stopOnOverflow return as soon as the record overflows, without reading its rest
   * @return false at the end of the input
   */
  boolean next(Record r, int textIndex, int textLimit, int otherBudget, int maxFields,
      boolean stopOnOverflow) throws IOException, SyntaxException {
    r.clear();
    r.line = line;
    if (!in.ensure()) {
      return false;
    }
    int budget = otherBudget;
    while (true) {
      int index = r.count++;
      boolean isText = index == textIndex;
      boolean keep = index < maxFields;
      if (!keep && !r.overflow) {
        r.overflow = true;
        if (stopOnOverflow) {
          return true;
        }
      }
      int limit = !keep ? 0 : isText ? textLimit : budget;
      // Reading a header, stop at the first character over the limit: no need to read on.
      boolean stopAtOverflow = stopOnOverflow && !isText;
      field.setLength(0);
      dropped = false;
      int c;
      if (in.peek() == '"') {
        in.read();
        r.blank = false;
        long quoteLine = line;
        while (true) {
          if (!in.ensure()) {
            throw new SyntaxException(r.line, "a quoted field that opens on line " + quoteLine
                + " is never closed");
          }
          char[] b = in.buffer();
          int p = in.position();
          int n = in.limit();
          int from = p;
          while (p < n) {
            char ch = b[p];
            if (ch == '"' || ch == '\r' || ch == '\n') {
              break;
            }
            p++;
          }
          appendRun(b, from, p, limit);
          in.moveTo(p);
          if (dropped && stopAtOverflow) {
            r.overflow = true;
            return true;
          }
          if (p == n) {
            continue;
          }
          char ch = b[p];
          in.moveTo(p + 1);
          if (ch == '"') {
            if (in.peek() != '"') {
              break;
            }
            in.read();
            appendOne('"', limit);
          } else {
            line++;
            appendOne(ch, limit);
            if (ch == '\r' && in.peek() == '\n') {
              // CRLF is one line break; both characters are part of the field.
              in.read();
              appendOne('\n', limit);
            }
          }
        }
        // After the closing quote: whitespace, then the delimiter or the end of the record.
        while (true) {
          c = in.read();
          if (c == delimiter || c == '\r' || c == '\n' || c == CharInput.EOF) {
            break;
          }
          if (!Character.isWhitespace(c)) {
            throw new SyntaxException(r.line, "character '" + printable(c)
                + "' after the closing quote of a field on line " + line
                + " (a quote inside a quoted field is written twice: \"\")");
          }
        }
      } else {
        while (true) {
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
            if (ch == delimiter || ch == '\r' || ch == '\n') {
              break;
            }
            p++;
          }
          if (r.blank) {
            for (int i = from; i < p; i++) {
              if (!Character.isWhitespace(b[i])) {
                r.blank = false;
                break;
              }
            }
          }
          appendRun(b, from, p, limit);
          if (p < n) {
            c = b[p];
            in.moveTo(p + 1);
            break;
          }
          in.moveTo(p);
          if (dropped && stopAtOverflow) {
            r.overflow = true;
            return true;
          }
        }
      }
      if (keep) {
        r.fields.add(field.length() == 0 ? "" : field.toString());
        if (!isText) {
          budget -= field.length();
        }
      }
      if (dropped) {
        if (isText) {
          r.textCut = true;
        } else if (!r.overflow) {
          r.overflow = true;
          if (stopOnOverflow) {
            return true;
          }
        }
      }
      if (c == delimiter) {
        if (r.blank && !Character.isWhitespace(delimiter)) {
          r.blank = false;
        }
        continue;
      }
      if (c == '\r') {
        line++;
        if (in.peek() == '\n') {
          in.read();
        }
      } else if (c == '\n') {
        line++;
      }
      return true;
    }
  }

  /** Appends b[from, to) as far as the limit allows; notes what is dropped. */
  private void appendRun(char[] b, int from, int to, int limit) {
    int room = limit - field.length();
    int n = to - from;
    if (n <= room) {
      field.append(b, from, n);
    } else {
      if (room > 0) {
        field.append(b, from, room);
      }
      dropped = true;
    }
  }

  private void appendOne(char ch, int limit) {
    if (field.length() < limit) {
      field.append(ch);
    } else {
      dropped = true;
    }
  }

  private static String printable(int c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c);
  }
}
