package org.trollscan.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.trollscan.input.Post;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/**
 * Score rows as RFC 4180 CSV in UTF-8 with a header, through {@link CsvOutput}: every cell, the
 * header's too, is neutralised against spreadsheet formula injection unless
 * {@code spreadsheetSafe} is off.
 */
public final class CsvScoreWriter implements ScoreWriter {
  private final CsvOutput printer;
  private final OutputColumns columns;
  private List<String> kept;
  private final List<String> row = new ArrayList<>();

  public CsvScoreWriter(OutputStream out, OutputColumns columns, boolean spreadsheetSafe)
      throws IOException {
    this.printer = new CsvOutput(out, spreadsheetSafe);
    this.columns = columns;
  }

  @Override
  public void write(Post post, Score score) throws IOException {
    write(post, score, null);
  }

  @Override
  public void write(Post post, Score score, String language) throws IOException {
    if (kept == null) {
      kept = columns.keptColumns(post);
      printer.printRecord(columns.header(kept));
    }
    row.clear();
    row.add(post.id());
    if (columns.source()) {
      row.add(post.source());
    }
    for (Label l : columns.labels()) {
      row.add(Cells.probability(score.probabilities().get(l)));
    }
    if (columns.alone()) {
      for (Label l : columns.labels()) {
        row.add(Cells.probability(score.aloneOrProbabilities().get(l)));
      }
    }
    row.add(Cells.flagged(score.flagged()));
    for (Label l : columns.labels()) {
      row.add(Cells.phrases(Cells.evidencePhrases(l, score)));
    }
    if (columns.language()) {
      row.add(language == null ? "" : language);
    }
    for (String k : kept) {
      row.add(post.fields().getOrDefault(k, ""));
    }
    printer.printRecord(row);
  }

  @Override
  public List<String> columns() {
    return columns.header(kept != null ? kept : columns.keptWithoutAPost());
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void finish() throws IOException {
    if (kept == null) {
      printer.printRecord(columns.header(columns.keptWithoutAPost()));
    }
    printer.flush();
  }
}
