package org.trollscan.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.trollscan.input.RejectedRow;
import org.trollscan.output.RejectedRowWriter;
import org.trollscan.scoring.ScoringRun;

/**
 * Tells the user on stderr which input rows were rejected when no errors file collects them: the
 * first few with their file, line and reason, then how many more there were. A bad row then says
 * what is wrong with it without a second run.
 */
final class RejectedRowNotes {
  static final int SHOWN = 3;

  private final List<RejectedRow> first = new ArrayList<>();
  private long count;

  void add(RejectedRow row) {
    count++;
    if (first.size() < SHOWN) {
      first.add(row);
    }
  }

  /**
   * Where a run's rejected rows go: the errors file when there is one ({@code rejects} not null),
   * else these notes.
   */
  ScoringRun.RejectSink sink(RejectedRowWriter rejects) {
    return rejects != null ? rejects::write : this::add;
  }

  /** Prints the notes; {@code moreHint} follows the count of rows not shown, if any. */
  void print(PrintStream err, String moreHint) {
    for (RejectedRow r : first) {
      err.println("trollscan: " + r.source() + ":" + r.line() + ": " + r.reason()
          + " (row rejected)");
    }
    if (count > first.size()) {
      long more = count - first.size();
      err.printf("trollscan: %,d more row%s rejected%s%n", more, more == 1 ? "" : "s", moreHint);
    }
  }
}
