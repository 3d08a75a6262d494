package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LetGoThreadsTest {
  @Test
  void neverForgetsAThreadLetGo() {
    LetGoThreads letGo = new LetGoThreads();
    for (int i = 0; i < 200_000; i++) {
      letGo.add("thread-" + i);
    }
    for (int i = 0; i < 200_000; i++) {
      assertTrue(letGo.mightContain("thread-" + i), "thread-" + i);
    }
    assertEquals(200_000, letGo.added());
  }

  @Test
  void anEmptyFilterHoldsNothingAndAllocatesNothing() {
    LetGoThreads letGo = new LetGoThreads();
    assertFalse(letGo.mightContain("t"));
    assertFalse(letGo.mightContain(""));
  }

  /**
   * The false-positive rate the Javadoc states, measured: 10 million ids let go, then 1 million
   * other ids asked about; the formula says 0.18%.
   */
  @Test
  void theFalsePositiveRateIsTheOneDocumented() {
    LetGoThreads letGo = new LetGoThreads();
    int n = 10_000_000;
    for (int i = 0; i < n; i++) {
      letGo.add("t" + i);
    }
    int asked = 1_000_000;
    int wrong = 0;
    for (int i = 0; i < asked; i++) {
      if (letGo.mightContain("new-" + i)) {
        wrong++;
      }
    }
    double expected = LetGoThreads.falsePositiveRate(n);
    assertEquals(0.0018, expected, 0.0002);
    double measured = (double) wrong / asked;
    assertTrue(measured > expected / 2 && measured < expected * 2,
        "measured " + measured + ", expected " + expected);
    assertTrue(LetGoThreads.falsePositiveRate(1_000_000) < 1e-8);
    assertTrue(LetGoThreads.falsePositiveRate(20_000_000) < 0.06);
  }
}
