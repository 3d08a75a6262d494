package org.trollscan.context;

/**
 * What a thread has said so far, as far as context scoring needs it: a fixed handful of numbers,
 * whatever the thread's length, so that streaming keeps a bounded state per thread.
 *
 * @param posts posts seen so far
 * @param openerFalseReport the first post's post-alone false_report probability
 * @param openerHarassment the first post's post-alone harassment probability
 * @param maxFalseReport the highest post-alone false_report probability so far
 * @param sumFalseReport the sum of the post-alone false_report probabilities so far
 * @param sinceFlagged posts since the last post flagged for false_report alone (1 = the previous
 *     post), or 0 when none was
 */
public record ThreadState(int posts, double openerFalseReport, double openerHarassment,
    double maxFalseReport, double sumFalseReport, int sinceFlagged) {

  /** A thread before its first post. */
  public static final ThreadState EMPTY = new ThreadState(0, 0, 0, 0, 0, 0);

  /** The state after one more post with these post-alone scores. */
  public ThreadState after(double falseReport, double harassment, boolean flaggedFalseReport) {
    boolean first = posts == 0;
    int since = flaggedFalseReport ? 1 : sinceFlagged == 0 ? 0 : sinceFlagged + 1;
    return new ThreadState(posts + 1, first ? falseReport : openerFalseReport,
        first ? harassment : openerHarassment, Math.max(maxFalseReport, falseReport),
        sumFalseReport + falseReport, since);
  }

  /** The mean post-alone false_report probability of the posts so far (0 before the first). */
  public double meanFalseReport() {
    return posts == 0 ? 0 : sumFalseReport / posts;
  }
}
