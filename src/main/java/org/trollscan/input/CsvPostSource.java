package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Posts from a CSV or TSV file with a header row, parsed by Commons CSV (RFC 4180 quoting; CRLF,
 * LF or CR line ends) behind a {@link CsvFieldLimiter}, so memory stays bounded whatever a row
 * holds. A row whose field count differs from the header's is rejected, as is one whose fields
 * other than the text hold more than {@link ReadLimits#OTHER_CHARS} characters together; a text
 * longer than {@link ReadLimits#TEXT_CHARS} is cut (the scorer reads less). Blank lines are
 * skipped and counted; a row whose text is empty is a post ({@code org.trollscan.normalize.PostText#isEmpty}).
 */
final class CsvPostSource implements PostSource {
  private final String source;
  private final char delimiter;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final Map<String, Integer> index;
  private final int textIndex;
  private final int idIndex;
  private final String overflowReason;
  private long row;
  private long blankLines;
  private long numbered;
  private long nextLine = 1;

  CsvPostSource(String source, Reader reader, char delimiter, ReaderOptions options) {
    this.source = source;
    this.delimiter = delimiter;
    Reader limited = new CsvFieldLimiter(reader, delimiter, ReadLimits.TEXT_CHARS,
        ReadLimits.TEXT_CHARS + ReadLimits.OTHER_CHARS, ReadLimits.HEADER_CHARS,
        ReadLimits.MAX_FIELDS);
    try {
      this.parser = CSVParser.builder().setReader(limited)
          .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).get()).get();
    } catch (IOException e) {
      throw new InputException(source, 1, "cannot read on: " + PostSources.reason(e));
    }
    this.records = parser.iterator();
    CSVRecord first;
    long headerLine;
    do {
      headerLine = nextLine;
      first = nextRecord();
    } while (first != null && isBlank(first) && ++blankLines > 0);
    if (first == null) {
      throw new InputException(source, 1, "empty file: a header row is needed");
    }
    List<String> names = first.toList();
    if (names.stream().anyMatch(CsvFieldLimiter::wasCut)) {
      throw new InputException(source, headerLine, "the header row is too long: at most "
          + ReadLimits.MAX_FIELDS + " columns and "
          + ReadLimits.grouped(ReadLimits.HEADER_CHARS) + " characters are read");
    }
    this.header = List.copyOf(names);
    this.index = new HashMap<>();
    boolean unnamed = false;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isBlank()) {
        if (unnamed) {
          throw new InputException(source, headerLine,
              "bad header: more than one column has no name");
        }
        unnamed = true;
      }
      if (index.putIfAbsent(name, i) != null) {
        throw new InputException(source, headerLine,
            "bad header: the column name '" + name + "' appears twice");
      }
    }
    this.textIndex = header.indexOf(options.textField());
    this.overflowReason = "the fields other than '" + options.textField() + "' hold more than "
        + ReadLimits.grouped(ReadLimits.OTHER_CHARS) + " characters together";
    if (textIndex < 0) {
      throw new InputException(source, headerLine, "no column '" + options.textField()
          + "' for the text (use --text-column, or --format text for one post per line);"
          + " the columns are: " + String.join(", ", header));
    }
    this.idIndex = header.indexOf(options.idField());
    if (idIndex < 0 && options.idRequired()) {
      throw new InputException(source, headerLine, "no id column '" + options.idField()
          + "' (--id-column); the columns are: " + String.join(", ", header));
    }
    List<String> missing = new ArrayList<>();
    for (String c : options.requiredColumns()) {
      if (!index.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(source, headerLine, "no column " + missing + " as the options (--keep, --thread-column, ...)"
          + " name; the columns are: " + String.join(", ", header));
    }
  }

  List<String> header() {
    return header;
  }

  @Override
  public long blankLines() {
    return blankLines;
  }

  @Override
  public long numberedRows() {
    return numbered;
  }

  @Override
  public ReadItem next() {
    CSVRecord record;
    long line;
    do {
      line = nextLine;
      record = nextRecord();
      if (record == null) {
        return null;
      }
    } while (isBlank(record) && ++blankLines > 0);
    row++;
    String[] values = record.values();
    boolean cut = false;
    long others = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == textIndex) {
        // Cut at its own bound the text is only longer than the scorer reads; cut shorter, the
        // row's other fields took its room.
        String text = CsvFieldLimiter.uncut(values[i]);
        cut |= CsvFieldLimiter.wasCut(values[i]) && text.length() < ReadLimits.TEXT_CHARS;
        values[i] = text;
      } else {
        cut |= CsvFieldLimiter.wasCut(values[i]);
        values[i] = CsvFieldLimiter.uncut(values[i]);
        others += values[i].length();
      }
    }
    if (values.length != header.size()) {
      return new RejectedRow(source, line, "row has " + (cut && values.length
          == ReadLimits.MAX_FIELDS ? "more than " + ReadLimits.MAX_FIELDS : values.length)
          + " fields, the header has " + header.size(), raw(values));
    }
    if (cut || others > ReadLimits.OTHER_CHARS) {
      return new RejectedRow(source, line, overflowReason, raw(values));
    }
    String text = values[textIndex];
    String id = idIndex >= 0 ? values[idIndex] : Long.toString(row);
    if (idIndex < 0) {
      numbered++;
    }
    return new Post(source, line, id, text, new FieldMap(header, index, values));
  }

  /** The next record, or null at the end; the line it started on is {@link #nextLine} before. */
  private CSVRecord nextRecord() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      nextLine = parser.getCurrentLineNumber() + 1;
      return record;
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof IOException io && !(cause instanceof CSVException)) {
        // The bytes below could not be read (a corrupt .gz), not a CSV mistake.
        throw new InputException(source, nextLine, "cannot read on: " + PostSources.reason(io));
      }
      throw new InputException(source, nextLine, "malformed CSV: " + cause.getMessage());
    }
  }

  /**
   * A line of nothing but whitespace: not a row. A TSV line of tabs and spaces is blank too (its
   * delimiter is whitespace); a CSV line of commas is a row of empty fields.
   */
  private boolean isBlank(CSVRecord record) {
    if (record.size() == 0) {
      return true; // what Commons CSV makes of '"" ' at the end of the input
    }
    if (record.size() > 1 && !Character.isWhitespace(delimiter)) {
      return false;
    }
    for (String field : record.values()) {
      if (!field.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private String raw(String[] values) {
    String joined = String.join(String.valueOf(delimiter), values);
    return joined.length() > ReadLimits.RAW_CHARS
        ? joined.substring(0, ReadLimits.RAW_CHARS) : joined;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Closing a reader we only read from loses nothing.
    }
  }
}
