package org.trollscan.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trollscan.input.Post;
import org.trollscan.model.Label;

/**
 * Accumulates flagged posts per thread, target and author, one post at a time: memory grows
 * with the number of threads, targets and authors, not with the number of posts.
 */
public final class Summarizer {
  /** Where the thread, author and time are in the input rows (null when absent). */
  public record Columns(String thread, String author, String time) {}

  private final List<Label> labels;
  private final Columns columns;
  private final TargetExtractor targets;
  private final Map<String, long[]> threadCounts = new HashMap<>();
  private final Map<String, String[]> threadFirstLast = new HashMap<>();
  private final Map<String, long[]> authorCounts = new HashMap<>();
  private final Map<String, long[]> targetCounts = new HashMap<>();
  private final Map<String, Set<String>> targetThreads = new HashMap<>();
  private final List<String> threadOrder = new ArrayList<>();

  public Summarizer(List<Label> labels, Columns columns, TargetExtractor targets) {
    this.labels = List.copyOf(labels);
    this.columns = columns;
    this.targets = targets;
  }

  /** Adds one post with the labels it was flagged for. */
  public void add(Post post, List<Label> flagged) {
    String thread = field(post, columns.thread(), "(no thread)");
    String author = field(post, columns.author(), null);
    long[] t = threadCounts.computeIfAbsent(thread, k -> {
      threadOrder.add(k);
      return new long[labels.size() + 1];
    });
    t[0]++;
    if (author != null) {
      authorCounts.computeIfAbsent(author, k -> new long[labels.size() + 1])[0]++;
    }
    if (flagged.isEmpty()) {
      return;
    }
    String when = columns.time() == null ? post.id() : post.id() + " @ " + field(post, columns.time(), "");
    String[] firstLast = threadFirstLast.computeIfAbsent(thread, k -> new String[] {when, when});
    firstLast[1] = when;
    for (Label l : flagged) {
      int i = labels.indexOf(l) + 1;
      t[i]++;
      if (author != null) {
        authorCounts.get(author)[i]++;
      }
    }
    for (String target : targets.targets(post.text())) {
      long[] c = targetCounts.computeIfAbsent(target, k -> new long[labels.size()]);
      for (Label l : flagged) {
        c[labels.indexOf(l)]++;
      }
      targetThreads.computeIfAbsent(target, k -> new HashSet<>()).add(thread);
    }
  }

  private static String field(Post post, String column, String fallback) {
    if (column == null) {
      return fallback;
    }
    String v = post.fields().get(column);
    return v == null || v.isBlank() ? fallback : v;
  }

  public Summary summary() {
    List<Summary.ThreadRow> threads = new ArrayList<>();
    for (String thread : threadOrder) {
      long[] c = threadCounts.get(thread);
      String[] fl = threadFirstLast.getOrDefault(thread, new String[] {"", ""});
      threads.add(new Summary.ThreadRow(thread, c[0],
          java.util.Arrays.copyOfRange(c, 1, c.length), fl[0], fl[1]));
    }
    threads.sort(Comparator.comparingLong((Summary.ThreadRow r) -> -total(r.flagged())));
    List<Summary.TargetRow> targetRows = new ArrayList<>();
    targetCounts.forEach((target, c) ->
        targetRows.add(new Summary.TargetRow(target, c, targetThreads.get(target).size())));
    targetRows.sort(Comparator.comparingLong((Summary.TargetRow r) -> -total(r.flagged()))
        .thenComparing(Summary.TargetRow::target));
    List<Summary.AuthorRow> authors = new ArrayList<>();
    authorCounts.forEach((author, c) -> authors.add(new Summary.AuthorRow(author, c[0],
        java.util.Arrays.copyOfRange(c, 1, c.length))));
    authors.sort(Comparator.comparingLong((Summary.AuthorRow r) -> -total(r.flagged()))
        .thenComparing(Summary.AuthorRow::author));
    return new Summary(threads, targetRows, authors);
  }

  private static long total(long[] counts) {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }
}
