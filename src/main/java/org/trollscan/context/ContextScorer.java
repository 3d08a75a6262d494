package org.trollscan.context;

/**
 * Scores posts in thread order: each post's post-alone scores, read with its thread so far, give
 * its context scores; the thread's state is then updated. At most {@code maxThreads} threads are
 * remembered at once ({@link ThreadStates}). Not thread-safe: one scorer per ordered stream.
 */
public final class ContextScorer {
  private final ContextModel falseReport;
  private final ContextModel harassment;
  private final double postAloneFalseReportThreshold;
  private final ThreadStates states;

  /** Context scores of one post. */
  public record Scores(double falseReport, double harassment) {}

  public ContextScorer(ContextModel falseReport, ContextModel harassment,
      double postAloneFalseReportThreshold, int maxThreads) {
    this.falseReport = falseReport;
    this.harassment = harassment;
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
    return new Scores(falseReport.probability(f), harassment.probability(f));
  }

  public ThreadStates states() {
    return states;
  }
}
