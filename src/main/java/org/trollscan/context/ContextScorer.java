package org.trollscan.context;

/**
 * Scores posts in thread order: each post's post-alone scores, read with its thread so far, give
 * its context scores; the thread's state is then updated. At most {@code maxThreads} threads are
 * remembered at once ({@link ThreadStates}). Harassment in context is the harassment context
 * model's score when the bundle has one ({@link HarassmentRule#MODEL}), else the post-alone
 * score ({@link HarassmentRule#IMPLIED}); either is raised to the context false_report score
 * where that is flagged (LABELLING.md: every false_report post is harassment). Which to train is
 * a trade (docs/context.md). Not thread-safe: one scorer per ordered stream.
 */
public final class ContextScorer {
  private final ContextModel falseReport;
  /** The harassment context model, or null when harassment in context is implied. */
  private final ContextModel harassment;
  private final ReplyCues replyCues;
  private final double contextFalseReportThreshold;
  private final double contextHarassmentThreshold;
  private final double postAloneFalseReportThreshold;
  private final ThreadStates states;

  /** Context scores of one post, and whether each is at or over its context threshold. */
  public record Scores(double falseReport, double harassment, boolean falseReportFlagged,
      boolean harassmentFlagged) {}

  /** A scorer whose harassment threshold is the context false_report one (the prototype's). */
  public ContextScorer(ContextModel falseReport, ReplyCues replyCues,
      double contextFalseReportThreshold, double postAloneFalseReportThreshold, int maxThreads) {
    this(falseReport, replyCues, contextFalseReportThreshold, contextFalseReportThreshold,
        postAloneFalseReportThreshold, maxThreads);
  }

  /**
   * @param replyCues the reply cues the model was trained with (its manifest's)
   * @param contextHarassmentThreshold the threshold of harassment in context, chosen in training
   *     on the implied scores as they come out of {@link #score}
   * @param postAloneFalseReportThreshold the post-alone threshold by which a thread remembers its
   *     last flagged post
   */
  public ContextScorer(ContextModel falseReport, ReplyCues replyCues,
      double contextFalseReportThreshold, double contextHarassmentThreshold,
      double postAloneFalseReportThreshold, int maxThreads) {
    this(falseReport, null, replyCues, contextFalseReportThreshold, contextHarassmentThreshold,
        postAloneFalseReportThreshold, maxThreads);
  }

  /**
   * @param harassment the harassment context model, or null for harassment implied (the
   *     post-alone score, raised where false_report is flagged in context)
   * @param contextHarassmentThreshold the threshold of harassment in context, chosen in training
   *     on the scores as they come out of {@link #score} under the same rule
   */
  public ContextScorer(ContextModel falseReport, ContextModel harassment, ReplyCues replyCues,
      double contextFalseReportThreshold, double contextHarassmentThreshold,
      double postAloneFalseReportThreshold, int maxThreads) {
    this.falseReport = falseReport;
    this.harassment = harassment;
    this.replyCues = replyCues;
    this.contextFalseReportThreshold = contextFalseReportThreshold;
    this.contextHarassmentThreshold = contextHarassmentThreshold;
    this.postAloneFalseReportThreshold = postAloneFalseReportThreshold;
    this.states = new ThreadStates(maxThreads);
  }

  /**
   * Context scores of a post with no thread (a blank thread cell): an opener, whose state is not
   * kept because no later post can name its thread.
   */
  public Scores scoreAlone(String text, double aloneFalseReport, double aloneHarassment) {
    return scores(ContextFeatures.of(replyCues, text, aloneFalseReport, aloneHarassment,
        ThreadState.EMPTY),
        aloneHarassment);
  }

  /** Scores the next post of {@code thread} from its post-alone scores. */
  public Scores score(String thread, String text, double aloneFalseReport,
      double aloneHarassment) {
    ThreadState before = states.arrive(thread);
    ContextFeatures f = ContextFeatures.of(replyCues, text, aloneFalseReport, aloneHarassment,
        before);
    states.put(thread, before.after(aloneFalseReport, aloneHarassment,
        aloneFalseReport >= postAloneFalseReportThreshold));
    return scores(f, aloneHarassment);
  }

  private Scores scores(ContextFeatures f, double aloneHarassment) {
    double fr = falseReport.probability(f);
    boolean frFlagged = fr >= contextFalseReportThreshold;
    double own = harassment == null ? aloneHarassment : harassment.probability(f);
    double h = frFlagged ? Math.max(own, fr) : own;
    return new Scores(fr, h, frFlagged, h >= contextHarassmentThreshold);
  }

  /** Threads let go to keep within the bound ({@link ThreadStates#evicted}). */
  public long evicted() {
    return states.evicted();
  }

  /**
   * Posts that came for a thread let go earlier and were scored as its opener ({@link
   * ThreadStates#returned}; may be slightly high, never low).
   */
  public long returned() {
    return states.returned();
  }

  public ThreadStates states() {
    return states;
  }
}
