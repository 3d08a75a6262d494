package org.trollscan.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The only way trollscan writes CSV: RFC 4180, UTF-8, CRLF line ends, and every cell, header
 * names included, passed through {@link SpreadsheetSafety} unless {@code --no-spreadsheet-safety}
 * turned it off. Score output, {@code --errors} files, {@code eval --predictions} and the
 * summary files all print through it, so one rule covers them all.
 */
public final class CsvOutput {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setRecordSeparator("\r\n").get();

  private final CSVPrinter printer;
  private final boolean spreadsheetSafe;

  public CsvOutput(OutputStream out, boolean spreadsheetSafe) throws IOException {
    this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
    this.spreadsheetSafe = spreadsheetSafe;
  }

  /** One record; the header is a record like any other. */
  public void printRecord(List<String> cells) throws IOException {
    for (String cell : cells) {
      printer.print(spreadsheetSafe ? SpreadsheetSafety.neutralize(cell) : cell);
    }
    printer.println();
  }

  public void printRecord(String... cells) throws IOException {
    printRecord(Arrays.asList(cells));
  }

  /** Writes what is buffered to the underlying stream (which stays open). */
  public void flush() throws IOException {
    printer.flush();
  }
}
