package org.trollscan.output;

import java.io.IOException;
import java.io.OutputStream;
import org.trollscan.input.RejectedRow;

/**
 * The --errors file: one CSV row per rejected input row (source, line, reason, raw), through
 * {@link CsvOutput}, so every column is neutralised for spreadsheets unless turned off.
 */
public final class RejectedRowWriter {
  private final CsvOutput printer;

  public RejectedRowWriter(OutputStream out, boolean spreadsheetSafe) throws IOException {
    this.printer = new CsvOutput(out, spreadsheetSafe);
    printer.printRecord("source", "line", "reason", "raw");
  }

  public void write(RejectedRow row) throws IOException {
    printer.printRecord(row.source(), Long.toString(row.line()), row.reason(), row.raw());
  }

  public void finish() throws IOException {
    printer.flush();
  }
}
