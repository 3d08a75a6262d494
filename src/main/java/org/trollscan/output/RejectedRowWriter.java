package org.trollscan.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trollscan.input.RejectedRow;

/** The --errors file: one CSV row per rejected input row (source, line, reason, raw). */
public final class RejectedRowWriter {
  private final CSVPrinter printer;
  private final boolean spreadsheetSafe;

  public RejectedRowWriter(OutputStream out, boolean spreadsheetSafe) throws IOException {
    this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setHeader("source", "line", "reason", "raw").get());
    this.spreadsheetSafe = spreadsheetSafe;
  }

  public void write(RejectedRow row) throws IOException {
    printer.printRecord(row.source(), row.line(), row.reason(),
        spreadsheetSafe ? SpreadsheetSafety.neutralize(row.raw()) : row.raw());
  }

  public void finish() throws IOException {
    printer.flush();
  }
}
