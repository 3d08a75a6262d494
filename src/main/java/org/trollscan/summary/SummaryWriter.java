package org.trollscan.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trollscan.model.Label;
import org.trollscan.output.CsvOutput;
import org.trollscan.files.OutputFile;

/** Writes a {@link Summary} as threads.csv, targets.csv and authors.csv, and optionally HTML. */
public final class SummaryWriter {
  /** The files {@link #writeCsv} writes. */
  public static final List<String> FILES = List.of("threads.csv", "targets.csv", "authors.csv");

  private SummaryWriter() {}

  /**
   * Writes the three files into {@code dir} (created when missing), each atomically, its cells
   * neutralised for spreadsheets unless {@code spreadsheetSafe} is off. All three paths are
   * checked before the first is written, so a refused one leaves no half-written set.
   */
  public static void writeCsv(Summary s, List<Label> labels, Path dir, boolean spreadsheetSafe)
      throws IOException {
    OutputFile.createFolder(dir);
    for (String name : FILES) {
      OutputFile.check(dir.resolve(name).toString(), null);
    }
    List<String> rates = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (Label l : labels) {
      counts.add(l.column() + "_posts");
      rates.add(l.column() + "_rate");
    }
    List<String> header = new ArrayList<>(List.of("thread", "posts"));
    header.addAll(counts);
    header.addAll(rates);
    header.addAll(List.of("first_flagged", "last_flagged"));
    write(dir.resolve("threads.csv"), spreadsheetSafe, header, s.threads().stream().map(r -> {
      List<String> row = new ArrayList<>(List.of(r.thread(), Long.toString(r.posts())));
      for (long c : r.flagged()) {
        row.add(Long.toString(c));
      }
      for (long c : r.flagged()) {
        row.add(String.format(Locale.ROOT, "%.4f", r.posts() == 0 ? 0.0 : (double) c / r.posts()));
      }
      row.add(r.firstFlagged());
      row.add(r.lastFlagged());
      return row;
    }).toList());
    List<String> targetHeader = new ArrayList<>(List.of("target"));
    targetHeader.addAll(counts);
    targetHeader.add("threads");
    write(dir.resolve("targets.csv"), spreadsheetSafe, targetHeader, s.targets().stream().map(r -> {
      List<String> row = new ArrayList<>(List.of(r.target()));
      for (long c : r.flagged()) {
        row.add(Long.toString(c));
      }
      row.add(Long.toString(r.threads()));
      return row;
    }).toList());
    List<String> authorHeader = new ArrayList<>(List.of("author", "posts"));
    authorHeader.addAll(counts);
    write(dir.resolve("authors.csv"), spreadsheetSafe, authorHeader, s.authors().stream().map(r -> {
      List<String> row = new ArrayList<>(List.of(r.author(), Long.toString(r.posts())));
      for (long c : r.flagged()) {
        row.add(Long.toString(c));
      }
      return row;
    }).toList());
  }

  private static void write(Path file, boolean spreadsheetSafe, List<String> header,
      List<List<String>> rows) throws IOException {
    try (OutputFile out = OutputFile.open(file.toString(), null)) {
      CsvOutput p = new CsvOutput(out.stream(), spreadsheetSafe);
      p.printRecord(header);
      for (List<String> row : rows) {
        p.printRecord(row);
      }
      p.flush();
      out.commit();
    }
  }

  /** One self-contained page with a bar chart per view (top 20 rows). */
  public static String html(Summary s, List<Label> labels) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>trollscan summary</title><style>body{font-family:sans-serif;margin:24px}"
        + ".bar{display:inline-block;height:12px;margin-right:2px}td{padding:2px 8px;font-size:13px}"
        + "</style></head><body><h1>trollscan summary</h1>");
    String[] colours = {"#d62728", "#1f77b4"};
    section(sb, "Threads", labels, colours, s.threads().stream().limit(20)
        .map(r -> new Object[] {r.thread(), r.flagged()}).toList());
    section(sb, "Targets", labels, colours, s.targets().stream().limit(20)
        .map(r -> new Object[] {r.target(), r.flagged()}).toList());
    section(sb, "Authors", labels, colours, s.authors().stream().limit(20)
        .map(r -> new Object[] {r.author(), r.flagged()}).toList());
    return sb.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder sb, String title, List<Label> labels, String[] colours,
      List<Object[]> rows) {
    sb.append("<h2>").append(title).append(" (flagged posts: ");
    for (int i = 0; i < labels.size(); i++) {
      sb.append("<span style=\"color:").append(colours[i % 2]).append("\">")
          .append(labels.get(i).column()).append("</span>").append(i + 1 < labels.size() ? ", " : "");
    }
    sb.append(")</h2><table>");
    long max = 1;
    for (Object[] r : rows) {
      for (long c : (long[]) r[1]) {
        max = Math.max(max, c);
      }
    }
    for (Object[] r : rows) {
      sb.append("<tr><td>").append(escape((String) r[0])).append("</td><td>");
      long[] c = (long[]) r[1];
      for (int i = 0; i < c.length; i++) {
        sb.append("<span class=\"bar\" style=\"width:").append(c[i] * 300 / max)
            .append("px;background:").append(colours[i % 2]).append("\"></span>")
            .append(c[i]).append(' ');
      }
      sb.append("</td></tr>");
    }
    sb.append("</table>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
