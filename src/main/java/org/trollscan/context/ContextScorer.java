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
  private final double contextFalseReportThreshold;
  private final double postAloneFalseReportThreshold;
  private final ThreadStates states;

  /** Context scores of one post. */
  public record Scores(double falseReport, double harassment) {}

  public ContextScorer(ContextModel falseReport, double contextFalseReportThreshold,
      double postAloneFalseReportThreshold, int maxThreads) {
    this.falseReport = falseReport;
    this.contextFalseReportThreshold = contextFalseReportThreshold;
    this.postAloneFalseReportThreshold = postAloneFalseReportThreshold;
    this.states = new ThreadStates(maxThreads);
  }

  /** Scores the next post of {@code thread} from its post-alone scores. */
  public Scores score(String thread, String text, double aloneFalseReport,
      double aloneHarassment) {
    ThreadState before = states.get(thread);
    ContextFeatures f = ContextFeatures.of(text, aloneFalseReport, aloneHarassment, before);
    states.put(thread, before.after(aloneFalseReport, aloneHarassment,
        aloneFalseReport >= postAloneFalseReportThreshold));
    double fr = falseReport.probability(f);
    double h = fr >= contextFalseReportThreshold ? Math.max(aloneHarassment, fr)
        : aloneHarassment;
    return new Scores(fr, h);
  }

  public ThreadStates states() {
    return states;
  }
}
