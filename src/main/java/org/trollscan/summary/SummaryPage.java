package org.trollscan.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.trollscan.input.ReadLimits;
import org.trollscan.model.Label;
import org.trollscan.output.Cells;

/**
 * Renders a {@link Summary} as one self-contained HTML page: campaign threads first, with the
 * posts that make them campaigns, then threads, targets and authors with grouped bars (one bar
 * per label, each with its count and rate, so that labels that overlap do not look stacked).
 * Each view shows its top {@link #TOP} rows and says so when there are more; an empty view says
 * why it is empty.
 */
public final class SummaryPage {
  /** Rows shown per view. */
  public static final int TOP = 20;
  /** Posts shown per campaign thread. */
  public static final int POSTS_PER_CAMPAIGN = 10;
  private static final int BAR_PX = 240;
  private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd"};

  private SummaryPage() {}

  /** A row of a bar view: its name, its posts (-1: not known), flagged posts per label. */
  private record Bars(String name, long posts, long[] flagged, String note) {}

  /** The page, in UTF-8 when written out. */
  public static String html(Summary s, List<Label> labels) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>trollscan summary</title><style>"
        + "body{font-family:sans-serif;margin:24px;max-width:1100px}"
        + "table{border-collapse:collapse}td,th{padding:3px 8px;font-size:13px;text-align:left;"
        + "vertical-align:top}th{border-bottom:1px solid #999}tr.r td{border-top:1px solid #ddd}"
        + ".bar{display:inline-block;height:10px;margin-right:6px;vertical-align:middle}"
        + ".lab{display:inline-block;width:90px;color:#555}.n{text-align:right}"
        + ".why{color:#555;font-style:italic}.key span{margin-right:16px}"
        + "</style></head><body><h1>trollscan summary</h1>");
    sb.append("<p>").append(ReadLimits.grouped(s.posts())).append(" posts; flagged: ");
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(swatch(i)).append(' ')
          .append(labels.get(i).column()).append(' ')
          .append(ofPosts(s.flagged()[i], s.posts()));
    }
    sb.append(". A post can be flagged for several labels: each label has its own bar.</p>");
    campaigns(sb, s, labels);
    threads(sb, s, labels);
    targets(sb, s, labels);
    authors(sb, s, labels);
    return sb.append("</body></html>\n").toString();
  }

  private static void campaigns(StringBuilder sb, Summary s, List<Label> labels) {
    String rule = "posts flagged for false_report by at least " + s.campaignMin()
        + " different authors (--campaign-min)";
    sb.append("<h2>Threads that look like organised campaigns").append(top(s.campaigns().size(),
        "threads")).append("</h2><p>A thread counts as one when it has ").append(rule)
        .append(s.columns().author() == null ? "; with no author column given (--author-column),"
            + " each such post counts as a different author" : "")
        .append(".</p>");
    if (s.columns().thread() == null) {
      why(sb, "No thread column given (--thread-column NAME): campaigns are found per thread.");
      return;
    }
    if (!labels.contains(Label.FALSE_REPORT)) {
      why(sb, "The model has no false_report label.");
      return;
    }
    if (s.campaigns().isEmpty()) {
      why(sb, "No thread has " + rule + ".");
      return;
    }
    boolean author = s.columns().author() != null;
    boolean time = s.columns().time() != null;
    for (Summary.Campaign c : s.campaigns().stream().limit(TOP).toList()) {
      sb.append("<h3>Thread ").append(escape(c.thread())).append(": ")
          .append(c.reports().size()).append(" false_report posts");
      if (s.columns().author() != null) {
        sb.append(" by ").append(c.authors()).append(" authors");
      }
      sb.append(", of ").append(ReadLimits.grouped(c.posts())).append(" posts</h3><table><tr>"
          + "<th>id</th>").append(author ? "<th>author</th>" : "")
          .append(time ? "<th>time</th>" : "")
          .append("<th>false_report</th><th>also harassment</th><th>text</th></tr>");
      for (Summary.CampaignPost p : c.reports().stream().limit(POSTS_PER_CAMPAIGN).toList()) {
        sb.append("<tr class=\"r\"><td>").append(escape(p.id())).append("</td>");
        if (author) {
          sb.append("<td>").append(escape(p.author())).append("</td>");
        }
        if (time) {
          sb.append("<td>").append(escape(p.time())).append("</td>");
        }
        sb.append("<td class=\"n\">")
            .append(Double.isNaN(p.falseReport()) ? "" : Cells.probability(p.falseReport()))
            .append("</td><td>").append(p.harassment() ? "yes" : "").append("</td><td>")
            .append(escape(p.excerpt())).append("</td></tr>");
      }
      sb.append("</table>");
      if (c.reports().size() > POSTS_PER_CAMPAIGN) {
        why(sb, "The first " + POSTS_PER_CAMPAIGN + " of " + c.reports().size()
            + " posts; campaigns.csv lists every one.");
      }
    }
  }

  private static void threads(StringBuilder sb, Summary s, List<Label> labels) {
    List<Summary.ThreadRow> flagged = s.threads().stream()
        .filter(r -> Summarizer.total(r.flagged()) > 0).toList();
    sb.append("<h2>Threads").append(top(flagged.size(), "threads with a flagged post"))
        .append("</h2>");
    if (s.columns().thread() == null) {
      why(sb, "No thread column given (--thread-column NAME): all posts are counted as one "
          + "thread, \"(no thread)\".");
    }
    if (flagged.isEmpty()) {
      why(sb, s.posts() == 0 ? "No posts." : "No post is flagged.");
      return;
    }
    sb.append("<p>").append(ReadLimits.grouped(s.threads().size()))
        .append(" threads in all; threads.csv lists every one.</p>");
    bars(sb, labels, "thread", flagged, r -> new Bars(r.thread(), r.posts(), r.flagged(), null));
  }

  private static void targets(StringBuilder sb, Summary s, List<Label> labels) {
    sb.append("<h2>Targets").append(top(s.targets().size(), "targets"))
        .append("</h2><p>People, handles and titles (\"her husband\") that flagged posts name; "
            + "a post naming two people counts for each.</p>");
    if (s.targets().isEmpty()) {
      why(sb, Summarizer.total(s.flagged()) == 0 ? "No post is flagged."
          : "No flagged post names a person.");
      return;
    }
    bars(sb, labels, "target", s.targets(), r -> new Bars(r.target(), -1, r.flagged(),
        "in " + r.threads() + (r.threads() == 1 ? " thread" : " threads")));
  }

  private static void authors(StringBuilder sb, Summary s, List<Label> labels) {
    List<Summary.AuthorRow> flagged = s.authors().stream()
        .filter(r -> Summarizer.total(r.flagged()) > 0).toList();
    sb.append("<h2>Authors").append(top(flagged.size(), "authors with a flagged post"))
        .append("</h2>");
    if (s.columns().author() == null) {
      why(sb, "No author column given (--author-column NAME): posts are not counted per author.");
      return;
    }
    if (flagged.isEmpty()) {
      why(sb, "None of the " + ReadLimits.grouped(s.authors().size()) + " authors has a flagged post.");
      return;
    }
    sb.append("<p>").append(ReadLimits.grouped(s.authors().size()))
        .append(" authors in all; authors.csv lists every one.</p>");
    bars(sb, labels, "author", flagged, r -> new Bars(r.author(), r.posts(), r.flagged(), null));
  }

  private static <T> void bars(StringBuilder sb, List<Label> labels, String what, List<T> all,
      Function<T, Bars> view) {
    List<Bars> rows = new ArrayList<>();
    long max = 1;
    for (T t : all.stream().limit(TOP).toList()) {
      Bars b = view.apply(t);
      rows.add(b);
      for (long c : b.flagged()) {
        max = Math.max(max, c);
      }
    }
    boolean withPosts = rows.get(0).posts() >= 0;
    sb.append("<p class=\"key\">");
    for (int i = 0; i < labels.size(); i++) {
      sb.append("<span>").append(swatch(i)).append(' ').append(labels.get(i).column())
          .append("</span>");
    }
    sb.append("</p><table><tr><th>").append(what).append("</th>")
        .append(withPosts ? "<th class=\"n\">posts</th>" : "")
        .append("<th>flagged posts").append(withPosts ? " (rate)" : "").append("</th></tr>");
    for (Bars b : rows) {
      sb.append("<tr class=\"r\"><td>").append(escape(b.name())).append("</td>");
      if (withPosts) {
        sb.append("<td class=\"n\">").append(ReadLimits.grouped(b.posts())).append("</td>");
      }
      sb.append("<td>");
      for (int i = 0; i < b.flagged().length; i++) {
        long c = b.flagged()[i];
        sb.append("<div><span class=\"lab\">").append(labels.get(i).column())
            .append("</span><span class=\"bar\" style=\"width:").append(c * BAR_PX / max)
            .append("px;background:").append(COLOURS[i % COLOURS.length]).append("\"></span>")
            .append(withPosts ? ofPosts(c, b.posts()) : ReadLimits.grouped(c)).append("</div>");
      }
      if (b.note() != null) {
        sb.append("<div class=\"why\">").append(escape(b.note())).append("</div>");
      }
      sb.append("</td></tr>");
    }
    sb.append("</table>");
  }

  /** " (top 20 of 312 threads with a flagged post)" when the view is cut, else " (3 ...)". */
  private static String top(int size, String what) {
    return size > TOP ? " (top " + TOP + " of " + ReadLimits.grouped(size) + " " + what + ")"
        : " (" + ReadLimits.grouped(size) + " " + what + ")";
  }

  /** "6 of 10 (60.0%)". */
  private static String ofPosts(long count, long posts) {
    return ReadLimits.grouped(count) + " of " + ReadLimits.grouped(posts) + " ("
        + String.format(Locale.ROOT, "%.1f%%", posts == 0 ? 0.0 : 100.0 * count / posts) + ")";
  }

  private static String swatch(int label) {
    return "<span class=\"bar\" style=\"width:10px;background:" + COLOURS[label % COLOURS.length]
        + "\"></span>";
  }

  private static void why(StringBuilder sb, String reason) {
    sb.append("<p class=\"why\">").append(escape(reason)).append("</p>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
