package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Posts from a CSV or TSV file with a header row, read with Commons CSV (RFC 4180 quoting,
 * CRLF, LF or CR line ends). A row whose field count differs from the header's is rejected.
 */
final class CsvPostSource implements PostSource {
  private final String source;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final int textIndex;
  private final int idIndex;
  private long row;
  private long nextLine;

  CsvPostSource(String source, Reader reader, char delimiter, ReaderOptions options) {
    this.source = source;
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
        .setAllowMissingColumnNames(true)
        .get();
    try {
      this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    } catch (IllegalArgumentException e) {
      throw new InputException(source, 1, "bad header: " + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof java.io.EOFException || cause instanceof java.util.zip.ZipException) {
        throw new InputException(source, 1,
            "cannot read on: truncated or corrupt compressed file (" + cause.getMessage() + ")");
      }
      throw new InputException(source, 1, "cannot read the header: " + cause.getMessage());
    }
    this.header = parser.getHeaderNames();
    if (header.isEmpty()) {
      throw new InputException(source, 1, "empty file: a header row is needed");
    }
    this.textIndex = header.indexOf(options.textField());
    if (textIndex < 0) {
      throw new InputException(source, 1, "no column '" + options.textField()
          + "' for the text (use --text-column, or --format text for one post per line);"
          + " the columns are: " + String.join(", ", header));
    }
    this.idIndex = header.indexOf(options.idField());
    if (idIndex < 0 && options.idRequired()) {
      throw new InputException(source, 1, "no id column '" + options.idField()
          + "'; the columns are: " + String.join(", ", header));
    }
    this.records = parser.iterator();
    this.nextLine = parser.getCurrentLineNumber() + 1;
  }

  List<String> header() {
    return header;
  }

  @Override
  public ReadItem next() {
    long line = nextLine;
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof java.io.EOFException || cause instanceof java.util.zip.ZipException) {
        throw new InputException(source, line,
            "cannot read on: truncated or corrupt compressed file (" + cause.getMessage() + ")");
      }
      throw new InputException(source, line, "malformed CSV: " + cause.getMessage());
    }
    nextLine = parser.getCurrentLineNumber() + 1;
    row++;
    if (record.size() != header.size()) {
      return new RejectedRow(source, line,
          "row has " + record.size() + " fields, the header has " + header.size(), raw(record));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      fields.put(header.get(i), record.get(i));
    }
    String text = record.get(textIndex);
    if (text.isBlank()) {
      return new RejectedRow(source, line, "empty text", raw(record));
    }
    String id = idIndex >= 0 ? record.get(idIndex) : Long.toString(row);
    return new Post(source, line, id, text, Collections.unmodifiableMap(fields));
  }

  private static String raw(CSVRecord record) {
    return String.join(",", record.toList());
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
