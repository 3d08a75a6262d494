package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts over-long CSV fields while the characters stream past, before Commons CSV (which holds a
 * whole record in memory) sees them, so that a 1 GB line or a runaway quote costs time, not heap.
 * It parses nothing: it only follows RFC 4180's quoting (a quote at a field's start opens a
 * quoted field, {@code ""} inside is one quote, the next lone quote closes it) to know where a
 * field and a record end. A field keeps at most {@code fieldChars} characters and a record at
 * most {@code recordChars} (the first record, the header, {@code headerChars}); a record has at
 * most {@code maxFields} fields. Where it cut, the field ends with {@link #CUT}, which the reader
 * of the records checks; a U+FFFF in the input itself (a noncharacter, never text) becomes
 * U+FFFD so that the mark is unambiguous.
 */
final class CsvFieldLimiter extends Reader {
  /** Ends a field whose characters were cut. */
  static final char CUT = '\uFFFF';

  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_CLOSE }

  private final Reader in;
  private final char delimiter;
  private final int fieldChars;
  private final int recordChars;
  private final int headerChars;
  private final int maxFields;
  private final char[] input = new char[8192];
  /** What the input became: at most three characters for one read (mark, quote, delimiter). */
  private final char[] output = new char[3 * 8192 + 3];
  private int outputStart;
  private int outputEnd;
  private boolean eof;

  private State state = State.FIELD_START;
  private boolean header = true;
  private int fieldLength;
  private int recordLength;
  private int fields = 1;
  private boolean fieldCut;
  /** Past maxFields: everything to the end of the record is dropped. */
  private boolean recordOverflow;

  CsvFieldLimiter(Reader in, char delimiter, int fieldChars, int recordChars, int headerChars,
      int maxFields) {
    this.in = in;
    this.delimiter = delimiter;
    this.fieldChars = fieldChars;
    this.recordChars = recordChars;
    this.headerChars = headerChars;
    this.maxFields = maxFields;
  }

  /** Whether a field read through a limiter was cut, and so ends with {@link #CUT}. */
  static boolean wasCut(String field) {
    return !field.isEmpty() && field.charAt(field.length() - 1) == CUT;
  }

  /** The field without its cut mark. */
  static String uncut(String field) {
    return wasCut(field) ? field.substring(0, field.length() - 1) : field;
  }

  @Override
  public int read(char[] out, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (outputStart == outputEnd) {
      if (eof) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, outputEnd - outputStart);
    System.arraycopy(output, outputStart, out, offset, n);
    outputStart += n;
    return n;
  }

  /** Reads a block of input and turns it into output (possibly none: all of it was cut). */
  private void fill() throws IOException {
    outputStart = 0;
    outputEnd = 0;
    int n = in.read(input, 0, input.length);
    if (n < 0) {
      eof = true;
      if (state == State.QUOTE_IN_QUOTED || state == State.AFTER_CLOSE) {
        closeQuoted(); // the file ends right after a closing quote
      } else if (state != State.QUOTED) { // an unclosed quote is Commons CSV's error to report
        markIfCut();
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      accept(input[i] == CUT ? '\uFFFD' : input[i]);
    }
  }

  private void accept(char c) {
    switch (state) {
      case FIELD_START -> {
        if (c == '"') {
          state = State.QUOTED;
          emit(c);
        } else if (c == delimiter) {
          endField(c);
        } else if (c == '\n' || c == '\r') {
          endRecord(c);
        } else {
          state = State.UNQUOTED;
          content(c);
        }
      }
      case UNQUOTED -> {
        if (c == delimiter) {
          endField(c);
        } else if (c == '\n' || c == '\r') {
          endRecord(c);
        } else {
          content(c);
        }
      }
      case QUOTED -> {
        if (c == '"') {
          state = State.QUOTE_IN_QUOTED; // a closing quote, or the first of a doubled one
        } else {
          content(c);
        }
      }
      case QUOTE_IN_QUOTED -> {
        if (c == '"') {
          state = State.QUOTED;
          if (room()) {
            emit('"');
            emit('"');
            count();
          } else {
            fieldCut = true;
          }
        } else {
          // The quote closed the field; it is written when the field ends, after a cut mark.
          state = State.AFTER_CLOSE;
          accept(c);
        }
      }
      case AFTER_CLOSE -> {
        if (c == delimiter) {
          endField(c);
        } else if (c == '\n' || c == '\r') {
          endRecord(c);
        } else {
          // Not RFC 4180 ('"a"b'): written as it came, for Commons CSV to report.
          closeQuoted();
          state = State.UNQUOTED;
          emit(c);
        }
      }
    }
  }

  private void content(char c) {
    if (room()) {
      emit(c);
      count();
    } else {
      fieldCut = true;
    }
  }

  private void endField(char c) {
    boolean overflowStarts = fields == maxFields && !recordOverflow;
    if (overflowStarts) {
      fieldCut = true; // the field kept last carries the mark; the rest of the record is dropped
    }
    endOfFieldMarks();
    recordOverflow |= overflowStarts;
    emit(c);
    fields++;
    fieldLength = 0;
    state = State.FIELD_START;
  }

  private void endRecord(char c) {
    endOfFieldMarks();
    recordOverflow = false;
    emit(c);
    if (recordLength > 0 || fields > 1) {
      header = false;
    }
    fields = 1;
    fieldLength = 0;
    recordLength = 0;
    state = State.FIELD_START;
  }

  /** Ends the field being read: its cut mark if it was cut, its closing quote if quoted. */
  private void endOfFieldMarks() {
    if (state == State.QUOTE_IN_QUOTED || state == State.AFTER_CLOSE) {
      closeQuoted();
    } else {
      markIfCut();
    }
  }

  /** The closing quote of a quoted field, after its cut mark (inside the quotes). */
  private void closeQuoted() {
    markIfCut();
    emit('"');
  }

  private void markIfCut() {
    if (fieldCut) {
      emit(CUT);
      fieldCut = false;
    }
  }

  /** Whether one more character of content fits in the field and the record. */
  private boolean room() {
    return !recordOverflow && fieldLength < fieldChars
        && recordLength < (header ? headerChars : recordChars);
  }

  private void count() {
    fieldLength++;
    recordLength++;
  }

  private void emit(char c) {
    if (!recordOverflow) {
      output[outputEnd++] = c;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
