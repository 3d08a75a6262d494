package org.trollscan.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trollscan.context.ContextScorer;
import org.trollscan.input.InputException;
import org.trollscan.input.Post;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Score;

/**
 * The in-order step of {@code score --thread-column}: turns each post's post-alone score into
 * its score in context, reading the thread so far from a {@link ContextScorer}. It runs where
 * the rows are written, in input order, so each post sees exactly the posts of its thread read
 * before it; posts with a blank thread cell are scored as threads of their own. The label
 * columns carry the context scores, {@link Score#alone()} the post-alone ones; flags follow the
 * context scores, evidence phrases stay the post's own (found for every label, since context may
 * flag one the post alone did not). With a time column, the posts of a thread must come in
 * time order ({@link PostTimes}); a post earlier than its thread's previous one is rejected.
 * Not thread-safe: one per run.
 */
public final class ThreadContext {
  private final ContextScorer context;
  private final String threadColumn;
  private final PostTimes times;
  private final Map<Label, Double> thresholds;

  /**
   * The context step of a bundle that has a context stage: its thresholds in context, with
   * {@code overrides} (--threshold) taking their place where given.
   */
  public static ThreadContext of(ModelBundle bundle, String threadColumn, String timeColumn,
      Map<Label, Double> overrides, int maxOpenThreads) {
    // One map for the scorer (where harassment is raised) and the flags, so they cannot differ.
    Map<Label, Double> thresholds = bundle.contextThresholds(overrides);
    return new ThreadContext(bundle.contextScorer(maxOpenThreads, thresholds), threadColumn,
        timeColumn, thresholds, maxOpenThreads);
  }

  /** The thresholds in context by label, as used. */
  public Map<Label, Double> thresholds() {
    return new EnumMap<>(thresholds);
  }

  /**
   * @param thresholds the context thresholds by label (the bundle's, or --threshold's): the
   *     ones {@code context} was built with ({@link #of})
   * @param timeColumn null when posts are taken in input order
   */
  private ThreadContext(ContextScorer context, String threadColumn, String timeColumn,
      Map<Label, Double> thresholds, int maxOpenThreads) {
    this.context = context;
    this.threadColumn = threadColumn;
    this.times = timeColumn == null ? null : new PostTimes(timeColumn, maxOpenThreads);
    this.thresholds = new EnumMap<>(thresholds);
  }

  /**
   * An input without the thread column: it stops the run (a typo in the column name would
   * otherwise score every post alone, silently).
   */
  public static final class MissingColumn extends InputException {
    MissingColumn(String source, long line, String message) {
      super(source, line, message);
    }
  }

  /** The inputs whose columns have been checked, at their first post. */
  private final java.util.Set<String> checkedSources = new java.util.HashSet<>();

  /**
   * The post's score in its thread, from its post-alone score; the thread is updated.
   *
   * @throws MissingColumn at the first post of an input that has no thread column
   */
  public Score apply(Post post, Score alone) {
    if (checkedSources.add(post.source()) && !post.fields().containsKey(threadColumn)) {
      throw new MissingColumn(post.source(), post.line(), "--thread-column " + threadColumn
          + " names no column; the columns are: " + String.join(", ", post.fields().keySet()));
    }
    String thread = post.fields().getOrDefault(threadColumn, "");
    if (times != null && !thread.isBlank()) {
      times.check(post, thread);
    }
    double fr = alone.probabilities().get(Label.FALSE_REPORT);
    double h = alone.probabilities().get(Label.HARASSMENT);
    ContextScorer.Scores s = thread.isBlank() ? context.scoreAlone(post.text(), fr, h)
        : context.score(thread, post.text(), fr, h);
    return inContext(alone, s);
  }

  /**
   * A post's score in context: the context probabilities and flags (the scorer's thresholds),
   * the post-alone probabilities beside them, and the post's own evidence. Shared by every path
   * that scores in context (score, eval, serve), so they cannot differ.
   */
  public static Score inContext(Score alone, ContextScorer.Scores s) {
    Map<Label, Double> p = new EnumMap<>(Label.class);
    p.put(Label.HARASSMENT, s.harassment());
    p.put(Label.FALSE_REPORT, s.falseReport());
    List<Label> flagged = new ArrayList<>();
    if (s.harassmentFlagged()) {
      flagged.add(Label.HARASSMENT);
    }
    if (s.falseReportFlagged()) {
      flagged.add(Label.FALSE_REPORT);
    }
    return new Score(p, List.copyOf(flagged), alone.evidence(), alone.truncated(), alone.spans(),
        alone.probabilities());
  }

  /** Threads let go to keep within the bound on open threads, whether or not they had ended. */
  public long threadsLetGo() {
    return context.evicted();
  }

  /**
   * Posts that came for a thread let go earlier, so were scored as its opener without the posts
   * before them: the context actually lost (may be slightly high, never low: {@link
   * org.trollscan.context.LetGoThreads}).
   */
  public long postsAfterLetGo() {
    return context.returned();
  }

  /** Checks that each thread's posts come in time order, remembering one time per thread. */
  static final class PostTimes {
    private final String column;
    private final java.util.LinkedHashMap<String, java.time.Instant> last;

    PostTimes(String column, int capacity) {
      this.column = column;
      // Bounded as the thread states are: a thread let go forgets its time too.
      this.last = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, java.time.Instant> eldest) {
          return size() > capacity;
        }
      };
    }

    void check(Post post, String thread) {
      String cell = post.fields().getOrDefault(column, "").strip();
      java.time.Instant t = parse(cell);
      if (t == null) {
        throw new InputException("--time-column " + column
            + ": '" + cell + "' is not a time (ISO-8601 such as 2026-12-07T00:35:00Z or"
            + " 2026-12-07 00:35, or seconds since 1970)");
      }
      java.time.Instant before = last.get(thread);
      if (before != null && t.isBefore(before)) {
        throw new InputException("--time-column " + column + ": "
            + cell + " is before the previous post of thread '" + thread + "' (" + before
            + "); score reads a thread in input order, so sort the input by time first");
      }
      last.put(thread, t);
    }

    /** An ISO-8601 time (a zone-less one taken as UTC) or seconds since 1970; null if neither. */
    static java.time.Instant parse(String s) {
      if (s.isEmpty()) {
        return null;
      }
      try {
        double seconds = Double.parseDouble(s);
        if (Double.isFinite(seconds) && Math.abs(seconds) < 1e12) {
          long whole = (long) Math.floor(seconds);
          return java.time.Instant.ofEpochSecond(whole,
              Math.round((seconds - whole) * 1e9) % 1_000_000_000L);
        }
        return null;
      } catch (NumberFormatException notANumber) {
        // an ISO-8601 time, below
      }
      String iso = s.replace(' ', 'T');
      try {
        return java.time.OffsetDateTime.parse(iso).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        // no offset: below
      }
      try {
        return java.time.LocalDateTime.parse(iso).toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        // a date alone: below
      }
      try {
        return java.time.LocalDate.parse(iso).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
  }
}
