package org.trollscan.input;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts from a CSV or TSV file with a header row (RFC 4180 quoting; CRLF, LF or CR line ends),
 * read with bounded memory by {@link CsvLexer}. A row whose field count differs from the
 * header's is rejected, as is one whose fields other than the text exceed
 * {@link ReadLimits#OTHER_CHARS}; a text longer than {@link ReadLimits#TEXT_CHARS} is cut (the
 * scorer reads less). Blank lines are skipped and counted.
 */
final class CsvPostSource implements PostSource {
  private final String source;
  private final char delimiter;
  private final CharInput input;
  private final CsvLexer lexer;
  private final CsvLexer.Record record = new CsvLexer.Record();
  private final List<String> header;
  private final Map<String, Integer> index;
  private final int textIndex;
  private final int idIndex;
  private final String overflowReason;
  private long row;
  private long blankLines;

  CsvPostSource(String source, Reader reader, char delimiter, ReaderOptions options) {
    this.source = source;
    this.delimiter = delimiter;
    this.input = new CharInput(reader);
    this.lexer = new CsvLexer(input, delimiter);
    boolean found;
    do {
      found = read(-1, ReadLimits.HEADER_CHARS, true);
      if (found && record.blank) {
        blankLines++;
      }
    } while (found && record.blank);
    if (!found) {
      throw new InputException(source, 1, "empty file: a header row is needed");
    }
    if (record.overflow) {
      throw new InputException(source, record.line, "the header row is too long: at most "
          + ReadLimits.MAX_FIELDS + " columns and "
          + ReadLimits.grouped(ReadLimits.HEADER_CHARS) + " characters are read");
    }
    this.header = List.copyOf(record.fields);
    this.index = new HashMap<>();
    boolean unnamed = false;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isBlank()) {
        if (unnamed) {
          throw new InputException(source, record.line,
              "bad header: more than one column has no name");
        }
        unnamed = true;
      }
      if (index.putIfAbsent(name, i) != null) {
        throw new InputException(source, record.line,
            "bad header: the column name '" + name + "' appears twice");
      }
    }
    this.textIndex = header.indexOf(options.textField());
    this.overflowReason = "the fields other than '" + options.textField() + "' hold more than "
        + ReadLimits.grouped(ReadLimits.OTHER_CHARS) + " characters together";
    if (textIndex < 0) {
      throw new InputException(source, record.line, "no column '" + options.textField()
          + "' for the text (use --text-column, or --format text for one post per line);"
          + " the columns are: " + String.join(", ", header));
    }
    this.idIndex = header.indexOf(options.idField());
    if (idIndex < 0 && options.idRequired()) {
      throw new InputException(source, record.line, "no id column '" + options.idField()
          + "' (--id-column); the columns are: " + String.join(", ", header));
    }
    List<String> missing = new ArrayList<>();
    for (String c : options.requiredColumns()) {
      if (!index.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(source, record.line, "--keep names unknown column(s) " + missing
          + "; the columns are: " + String.join(", ", header));
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
  public ReadItem next() {
    while (true) {
      if (!read(textIndex, ReadLimits.OTHER_CHARS, false)) {
        return null;
      }
      if (!record.blank) {
        break;
      }
      blankLines++;
    }
    row++;
    long line = record.line;
    if (record.count != header.size()) {
      return new RejectedRow(source, line,
          "row has " + record.count + " fields, the header has " + header.size(), raw());
    }
    if (record.overflow) {
      return new RejectedRow(source, line, overflowReason, raw());
    }
    String[] values = record.fields.toArray(new String[0]);
    String text = values[textIndex];
    if (text.isBlank()) {
      return new RejectedRow(source, line, "empty text", raw());
    }
    String id = idIndex >= 0 ? values[idIndex] : Long.toString(row);
    return new Post(source, line, id, text, new FieldMap(header, index, values));
  }

  private boolean read(int text, int budget, boolean header) {
    try {
      return lexer.next(record, text, ReadLimits.TEXT_CHARS, budget, ReadLimits.MAX_FIELDS,
          header);
    } catch (CsvLexer.SyntaxException e) {
      throw new InputException(source, e.line, "malformed CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new InputException(source, record.line, "cannot read on: " + PostSources.reason(e));
    }
  }

  private String raw() {
    String joined = String.join(String.valueOf(delimiter), record.fields);
    return joined.length() > ReadLimits.RAW_CHARS
        ? joined.substring(0, ReadLimits.RAW_CHARS) : joined;
  }

  @Override
  public void close() {
    input.close();
  }
}
