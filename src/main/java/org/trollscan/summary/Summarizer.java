package org.trollscan.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trollscan.input.InputException;
import org.trollscan.input.Post;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.scoring.ScoreSink;
import org.trollscan.output.Cells;

/**
 * The sink of a {@code summarize} run: takes scored posts one at a time, in input order, and
 * counts flagged posts per thread, target and author. Memory grows with the number of threads,
 * targets and authors, and with the posts flagged for false_report in threads (kept for the
 * campaign view, each cut to {@link #EXCERPT} characters), not with the number of posts.
 */
public final class Summarizer implements ScoreSink {
  /** Characters of a campaign post's text kept for the page and campaigns.csv. */
  public static final int EXCERPT = 200;
  /** The default of the campaign rule's minimum ({@code --campaign-min}). */
  public static final int CAMPAIGN_MIN = 2;
  /** The author of posts whose author cell is blank. */
  public static final String NO_AUTHOR = "(no author)";

  /** Where the thread, author and time are in the input rows (null when absent). */
  public record Columns(String thread, String author, String time) {}

  private static final class ThreadState {
    long posts;
    final long[] flagged;
    String firstId = "";
    String firstTime = "";
    String lastId = "";
    String lastTime = "";
    final List<Summary.CampaignPost> reports = new ArrayList<>();

    ThreadState(int labels) {
      flagged = new long[labels];
    }
  }

  private final List<Label> labels;
  private final Columns columns;
  private final TargetExtractor targets;
  private final int campaignMin;
  private final int falseReport;
  private final int harassment;
  private long posts;
  private String checkedSource;
  private final long[] flagged;
  private final Map<String, ThreadState> threads = new LinkedHashMap<>();
  private final Map<String, long[]> authorCounts = new HashMap<>();
  private final Map<String, long[]> targetCounts = new HashMap<>();
  private final Map<String, Set<String>> targetThreads = new HashMap<>();

  /**
   * @param campaignMin the least number of different authors of flagged false_report posts
   *     that makes a thread a campaign; at least 2
   */
  public Summarizer(List<Label> labels, Columns columns, TargetExtractor targets, int campaignMin) {
    if (campaignMin < 2) {
      throw new IllegalArgumentException("campaignMin must be at least 2: " + campaignMin);
    }
    this.labels = List.copyOf(labels);
    this.columns = columns;
    this.targets = targets;
    this.campaignMin = campaignMin;
    this.falseReport = this.labels.indexOf(Label.FALSE_REPORT);
    this.harassment = this.labels.indexOf(Label.HARASSMENT);
    this.flagged = new long[labels.size()];
  }

  @Override
  public void accept(Post post, Score score) {
    add(post, score);
  }

  /**
   * Adds one scored post. At the first post of each input, the thread, author and time columns
   * named must exist: an {@link InputException} (naming the columns there are) otherwise.
   */
  public void add(Post post, Score score) {
    if (!post.source().equals(checkedSource)) {
      checkedSource = post.source();
      String[][] named = {{"thread", columns.thread()}, {"author", columns.author()},
          {"time", columns.time()}};
      for (String[] c : named) {
        if (c[1] != null && !post.fields().containsKey(c[1])) {
          throw new InputException(post.source(), post.line(), "no column '" + c[1] + "' for the "
              + c[0] + "; the columns are: " + String.join(", ", post.fields().keySet()));
        }
      }
    }
    List<Label> flaggedLabels = score.flagged();
    String thread = field(post, columns.thread(), "(no thread)");
    String author = field(post, columns.author(), null);
    ThreadState t = threads.computeIfAbsent(thread, k -> new ThreadState(labels.size()));
    t.posts++;
    posts++;
    if (columns.author() != null) {
      // Posts with a blank author cell are counted under one more author, never dropped.
      authorCounts.computeIfAbsent(author == null ? NO_AUTHOR : author,
          k -> new long[labels.size() + 1])[0]++;
    }
    if (flaggedLabels.isEmpty()) {
      return;
    }
    String time = field(post, columns.time(), "");
    if (t.firstId.isEmpty()) {
      t.firstId = post.id();
      t.firstTime = time;
    }
    t.lastId = post.id();
    t.lastTime = time;
    for (Label l : flaggedLabels) {
      int i = labels.indexOf(l);
      t.flagged[i]++;
      flagged[i]++;
      if (columns.author() != null) {
        authorCounts.get(author == null ? NO_AUTHOR : author)[i + 1]++;
      }
    }
    if (columns.thread() != null && falseReport >= 0 && flaggedLabels.contains(Label.FALSE_REPORT)) {
      Double p = score.probabilities().get(Label.FALSE_REPORT);
      String text = Cells.oneLine(post.text());
      t.reports.add(new Summary.CampaignPost(post.id(), author == null ? "" : author, time,
          p == null ? Double.NaN : p, flaggedLabels.contains(Label.HARASSMENT),
          excerpt(text)));
    }
    for (String target : targets.targets(post.text())) {
      long[] c = targetCounts.computeIfAbsent(target, k -> new long[labels.size()]);
      for (Label l : flaggedLabels) {
        c[labels.indexOf(l)]++;
      }
      targetThreads.computeIfAbsent(target, k -> new HashSet<>()).add(thread);
    }
  }

  private static String excerpt(String text) {
    if (text.length() <= EXCERPT) {
      return text;
    }
    int end = EXCERPT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never half a character
    }
    return text.substring(0, end) + "…";
  }

  private static String field(Post post, String column, String fallback) {
    if (column == null) {
      return fallback;
    }
    String v = post.fields().get(column);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** The views of everything added so far. */
  public Summary summary() {
    List<Summary.ThreadRow> threadRows = new ArrayList<>();
    List<Summary.Campaign> campaigns = new ArrayList<>();
    threads.forEach((thread, t) -> {
      threadRows.add(new Summary.ThreadRow(thread, t.posts, t.flagged.clone(), t.firstId,
          t.firstTime, t.lastId, t.lastTime));
      long authors = columns.author() == null ? t.reports.size()
          : t.reports.stream().map(Summary.CampaignPost::author).distinct().count();
      if (authors >= campaignMin) {
        campaigns.add(new Summary.Campaign(thread, t.posts, authors, t.reports));
      }
    });
    // Stable sorts: among equals, the order in which threads first appeared.
    threadRows.sort(Comparator.comparingLong((Summary.ThreadRow r) -> -total(r.flagged())));
    campaigns.sort(Comparator.comparingLong((Summary.Campaign c) -> -c.authors())
        .thenComparingLong(c -> -c.reports().size()));
    List<Summary.TargetRow> targetRows = new ArrayList<>();
    targetCounts.forEach((target, c) ->
        targetRows.add(new Summary.TargetRow(target, c, targetThreads.get(target).size())));
    targetRows.sort(Comparator.comparingLong((Summary.TargetRow r) -> -total(r.flagged()))
        .thenComparing(Summary.TargetRow::target));
    List<Summary.AuthorRow> authors = new ArrayList<>();
    authorCounts.forEach((author, c) -> authors.add(new Summary.AuthorRow(author, c[0],
        Arrays.copyOfRange(c, 1, c.length))));
    authors.sort(Comparator.comparingLong((Summary.AuthorRow r) -> -total(r.flagged()))
        .thenComparing(Summary.AuthorRow::author));
    return new Summary(posts, flagged.clone(), columns, campaignMin, threadRows, targetRows,
        authors, campaigns);
  }

  static long total(long[] counts) {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }
}
