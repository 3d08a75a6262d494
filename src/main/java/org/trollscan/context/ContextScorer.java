package org.trollscan.context;

/**
 * Scores posts in thread order: each post's post-alone scores, read with its thread so far, give
 * its context scores; the thread's state is then updated. At most {@code maxThreads} threads are
 * remembered at once ({@link ThreadStates}). Harassment has no context model of its own: it is
 * the post-alone score, raised to the context false_report score where that is flagged
 * (LABELLING.md: every false_report post is harassment), because a harassment context model
 * learned to raise short replies in general (docs/context.md). Not thread-safe: one scorer per
 * ordered stream.
 */
public final class ContextScorer {
  private final ContextModel falseReport;
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
    this.falseReport = falseReport;
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
    ThreadState before = states.get(thread);
    ContextFeatures f = ContextFeatures.of(replyCues, text, aloneFalseReport, aloneHarassment,
        before);
    states.put(thread, before.after(aloneFalseReport, aloneHarassment,
        aloneFalseReport >= postAloneFalseReportThreshold));
    return scores(f, aloneHarassment);
  }

  private Scores scores(ContextFeatures f, double aloneHarassment) {
    double fr = falseReport.probability(f);
    boolean frFlagged = fr >= contextFalseReportThreshold;
    double h = frFlagged ? Math.max(aloneHarassment, fr) : aloneHarassment;
    return new Scores(fr, h, frFlagged, h >= contextHarassmentThreshold);
  }

  /** Threads let go before their end to keep within the bound ({@link ThreadStates#evicted}). */
  public long evicted() {
    return states.evicted();
  }

  public ThreadStates states() {
    return states;
  }
}
