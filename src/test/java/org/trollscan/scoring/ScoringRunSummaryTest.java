package org.trollscan.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trollscan.model.Scorer;

class ScoringRunSummaryTest {
  @Test
  void countsAreGroupedInThousandsAsStringFormatWouldGroupThem() {
    for (long n : new long[] {0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 2_000_000_123L,
        Long.MAX_VALUE, -1_234}) {
      assertEquals(String.format(java.util.Locale.ROOT, "%,d", n),
          ScoringRun.Summary.grouped(n), "n=" + n);
    }
  }

  @Test
  void theSummaryLineNamesEveryCountAndOnlyTheOptionalPartsThatHappened() {
    assertEquals("2,000,000 rows read, 1,999,998 written, 2 rejected; 12,345 flagged",
        new ScoringRun.Summary(2_000_000, 1_999_998, 0, 2, 12_345, 0, 0).describe());
    assertEquals("10 rows read, 3 written, 1 rejected, 6 not flagged (not written:"
        + " --only-flagged), 2 scored on their first " + Scorer.MAX_CHARS + " characters,"
        + " 1 with invalid UTF-8 replaced by U+FFFD; 3 flagged",
        new ScoringRun.Summary(10, 3, 6, 1, 3, 2, 1).describe());
  }
}
