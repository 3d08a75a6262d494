package org.trollscan.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trollscan.input.Post;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/**
 * Score rows as RFC 4180 CSV in UTF-8 with a header, via Commons CSV. Text cells are neutralised
 * against spreadsheet formula injection unless {@code spreadsheetSafe} is off.
 */
public final class CsvScoreWriter implements ScoreWriter {
  private final CSVPrinter printer;
  private final OutputColumns columns;
  private final boolean spreadsheetSafe;
  private List<String> kept;
  private final List<String> row = new ArrayList<>();

  public CsvScoreWriter(OutputStream out, OutputColumns columns, boolean spreadsheetSafe)
      throws IOException {
    this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
    this.columns = columns;
    this.spreadsheetSafe = spreadsheetSafe;
  }

  @Override
  public void write(Post post, Score score) throws IOException {
    if (kept == null) {
      kept = columns.keptColumns(post);
      printer.printRecord(columns.header(kept));
    }
    row.clear();
    row.add(text(post.id()));
    for (Label l : columns.labels()) {
      row.add(Cells.probability(score.probabilities().get(l)));
    }
    row.add(Cells.flagged(score.flagged()));
    row.add(text(Cells.evidence(score.flagged(), score.evidence())));
    for (String k : kept) {
      row.add(text(post.fields().getOrDefault(k, "")));
    }
    printer.printRecord(row);
  }

  private String text(String cell) {
    return spreadsheetSafe ? SpreadsheetSafety.neutralize(cell) : cell;
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void finish() throws IOException {
    if (kept == null) {
      printer.printRecord(columns.header(columns.keepAll() ? List.of() : columns.keep()));
    }
    printer.flush();
  }
}
