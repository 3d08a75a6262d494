package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelImplicationTest {
  @Test
  void aFlaggedFalseReportRaisesALowerHarassmentScoreToItsOwn() {
    assertTrue(LabelImplication.raises(0.30, 0.80, 0.40));
    assertEquals(0.80, LabelImplication.harassment(0.30, 0.80, 0.40));
    assertEquals(0.40, LabelImplication.harassment(0.10, 0.40, 0.40)); // at the threshold: flagged
  }

  @Test
  void anUnflaggedFalseReportOrAHigherHarassmentScoreChangesNothing() {
    assertFalse(LabelImplication.raises(0.30, 0.39, 0.40));
    assertEquals(0.30, LabelImplication.harassment(0.30, 0.39, 0.40));
    assertFalse(LabelImplication.raises(0.90, 0.80, 0.40));
    assertEquals(0.90, LabelImplication.harassment(0.90, 0.80, 0.40));
  }
}
