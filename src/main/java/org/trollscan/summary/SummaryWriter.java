package org.trollscan.summary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trollscan.files.OutputFile;
import org.trollscan.model.Label;
import org.trollscan.output.CsvOutput;
import org.trollscan.output.Cells;

/**
 * Writes a {@link Summary} as CSV: the threads table alone (to one file or standard output), or
 * threads.csv, targets.csv, authors.csv and campaigns.csv into a folder. Column tables:
 * {@code docs/summarize.md}.
 */
public final class SummaryWriter {
  /** The files {@link #writeFolder} writes. */
  public static final List<String> FILES =
      List.of("threads.csv", "targets.csv", "authors.csv", "campaigns.csv");

  private SummaryWriter() {}

  /** A table: its header and rows, cells as written. */
  private record Table(List<String> header, List<List<String>> rows) {}

  /**
   * Writes the four files into {@code dir} (created when missing), each atomically, its cells
   * neutralised for spreadsheets unless {@code spreadsheetSafe} is off. All four paths are
   * checked before the first is written, so a refused one leaves no half-written set.
   */
  public static void writeFolder(Summary s, List<Label> labels, Path dir, boolean spreadsheetSafe)
      throws IOException {
    OutputFile.createFolder(dir);
    for (String name : FILES) {
      OutputFile.check(dir.resolve(name).toString(), null);
    }
    write(dir.resolve("threads.csv").toString(), null, spreadsheetSafe, threads(s, labels));
    write(dir.resolve("targets.csv").toString(), null, spreadsheetSafe, targets(s, labels));
    write(dir.resolve("authors.csv").toString(), null, spreadsheetSafe, authors(s, labels));
    write(dir.resolve("campaigns.csv").toString(), null, spreadsheetSafe, campaigns(s, labels));
  }

  /**
   * Writes the threads table (threads.csv's columns) to {@code file}, or to {@code stdout} when
   * the file is "-", atomically as every output.
   */
  public static void writeThreads(Summary s, List<Label> labels, String file, OutputStream stdout,
      boolean spreadsheetSafe) throws IOException {
    write(file, stdout, spreadsheetSafe, threads(s, labels));
  }

  private static Table threads(Summary s, List<Label> labels) {
    List<String> header = new ArrayList<>(List.of("thread", "posts"));
    header.addAll(counts(labels));
    for (Label l : labels) {
      header.add(l.column() + "_rate");
    }
    header.addAll(List.of("first_flagged_id", "first_flagged_time", "last_flagged_id",
        "last_flagged_time"));
    return new Table(header, s.threads().stream().map(r -> {
      List<String> row = new ArrayList<>(List.of(r.thread(), Long.toString(r.posts())));
      for (long c : r.flagged()) {
        row.add(Long.toString(c));
      }
      for (long c : r.flagged()) {
        row.add(String.format(Locale.ROOT, "%.4f", r.posts() == 0 ? 0.0 : (double) c / r.posts()));
      }
      row.addAll(List.of(r.firstFlaggedId(), r.firstFlaggedTime(), r.lastFlaggedId(),
          r.lastFlaggedTime()));
      return row;
    }).toList());
  }

  private static Table targets(Summary s, List<Label> labels) {
    List<String> header = new ArrayList<>(List.of("target"));
    header.addAll(counts(labels));
    header.add("threads");
    return new Table(header, s.targets().stream().map(r -> {
      List<String> row = new ArrayList<>(List.of(r.target()));
      for (long c : r.flagged()) {
        row.add(Long.toString(c));
      }
      row.add(Long.toString(r.threads()));
      return row;
    }).toList());
  }

  private static Table authors(Summary s, List<Label> labels) {
    List<String> header = new ArrayList<>(List.of("author", "posts"));
    header.addAll(counts(labels));
    return new Table(header, s.authors().stream().map(r -> {
      List<String> row = new ArrayList<>(List.of(r.author(), Long.toString(r.posts())));
      for (long c : r.flagged()) {
        row.add(Long.toString(c));
      }
      return row;
    }).toList());
  }

  /** One row per flagged false_report post of a campaign thread, campaigns most organised first. */
  private static Table campaigns(Summary s, List<Label> labels) {
    List<String> header = List.of("thread", "thread_posts", "authors", "reports", "id", "author",
        "time", "false_report", "flagged", "text");
    List<List<String>> rows = new ArrayList<>();
    for (Summary.Campaign c : s.campaigns()) {
      for (Summary.CampaignPost p : c.reports()) {
        rows.add(List.of(c.thread(), Long.toString(c.posts()), Long.toString(c.authors()),
            Integer.toString(c.reports().size()), p.id(), p.author(), p.time(),
            Double.isNaN(p.falseReport()) ? "" : Cells.probability(p.falseReport()),
            p.harassment() ? "harassment;false_report" : "false_report", p.excerpt()));
      }
    }
    return new Table(header, rows);
  }

  private static List<String> counts(List<Label> labels) {
    return labels.stream().map(l -> l.column() + "_posts").toList();
  }

  private static void write(String file, OutputStream stdout, boolean spreadsheetSafe, Table t)
      throws IOException {
    try (OutputFile out = OutputFile.open(file, stdout)) {
      CsvOutput p = new CsvOutput(out.stream(), spreadsheetSafe);
      p.printRecord(t.header());
      for (List<String> row : t.rows()) {
        p.printRecord(row);
      }
      p.flush();
      out.commit();
    }
  }
}
