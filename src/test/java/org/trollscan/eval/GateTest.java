package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
  private static final List<String> LABELS = List.of("harassment", "false_report");
  private final LabelMetrics metrics = LabelMetrics.of(MetricsTest.MIXED, MetricsTest.MIXED_GOLD,
      0.5);

  private static Gate min(String spec) {
    return Gate.parse(Gate.Kind.MIN, spec, LABELS);
  }

  private static Gate drop(String spec) {
    return Gate.parse(Gate.Kind.MAX_DROP, spec, LABELS);
  }

  @Test
  void parsesLabelMetricAndValueInBothSyntaxes() {
    Gate expected = new Gate(Gate.Kind.MIN, "harassment", Metric.ROC_AUC, 0.85);
    assertEquals(expected, min("harassment:auc=0.85"));
    assertEquals(expected, min("harassment.auc=0.85"));
    assertEquals(expected, min("harassment.roc_auc=0.85"));
    assertEquals(Metric.AVERAGE_PRECISION, min("false_report.average_precision=0.5").metric());
    assertEquals(Metric.AVERAGE_PRECISION, min("false_report:ap=0.5").metric());
  }

  @Test
  void rejectsMalformedOrUnknownGates() {
    for (String bad : List.of("harassment=0.8", "harassment:auc=", "harassment:speed=1",
        "harassment:auc=high", "harassment.f1", ".f1=0.5")) {
      assertThrows(IllegalArgumentException.class, () -> min(bad), bad);
    }
  }

  @Test
  void rejectsAnUnknownLabelNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> min("harasment.f1=0.8"));
    assertTrue(e.getMessage().contains("unknown label 'harasment'"), e.getMessage());
  }

  @Test
  void rejectsNanInfiniteAndOutOfRangeValues() {
    for (String bad : List.of("harassment.f1=NaN", "harassment.f1=Infinity",
        "harassment.f1=-Infinity", "harassment.f1=80", "harassment.f1=-0.1", "harassment.f1=1e400")) {
      assertThrows(IllegalArgumentException.class, () -> min(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> drop(bad), bad);
    }
  }

  @Test
  void passesAtOrAboveTheMinimumAndFailsBelow() {
    assertTrue(min("harassment:auc=0.72").checkMin("m", metrics, Interval.UNDEFINED).passed());
    assertFalse(min("harassment:auc=0.73").checkMin("m", metrics, Interval.UNDEFINED).passed());
  }

  @Test
  void brierAndEceAreCeilings() {
    assertTrue(min("harassment:brier=0.3").checkMin("m", metrics, Interval.UNDEFINED).passed());
    assertFalse(min("harassment:brier=0.2").checkMin("m", metrics, Interval.UNDEFINED).passed());
  }

  @Test
  void aLabelThatWasNotEvaluatedFailsItsGate() {
    assertFalse(min("false_report:f1=0.1").checkMin("m", null, Interval.UNDEFINED).passed());
  }

  @Test
  void maxDropFailsOnlyWhenTheLowerBoundOfTheDropExceedsTheAllowance() {
    Gate g = drop("harassment.f1=0.01");
    // Model minus baseline of -0.05 [-0.08, -0.02]: the drop is 0.05 [0.02, 0.08] > 0.01.
    Gate.Result fail = g.checkDrop("new", "old", new Difference(-0.05, new Interval(-0.08, -0.02)));
    assertFalse(fail.passed());
    assertEquals(0.05, fail.observed(), 1e-12);
    assertEquals(0.02, fail.interval().low(), 1e-12);
    // A drop of 0.05 whose interval reaches down to 0.005: not credibly more than 0.01.
    assertTrue(g.checkDrop("new", "old",
        new Difference(-0.05, new Interval(-0.09, -0.005))).passed());
    // An improvement passes.
    assertTrue(g.checkDrop("new", "old", new Difference(0.03, new Interval(0.01, 0.05))).passed());
    // Undefined: no evidence either way is not a pass.
    assertFalse(g.checkDrop("new", "old", new Difference(Double.NaN, Interval.UNDEFINED)).passed());
    assertFalse(g.checkDrop("new", "old", null).passed());
  }

  @Test
  void forBrierADropIsAnIncrease() {
    Gate g = drop("harassment.brier=0.01");
    assertFalse(g.checkDrop("new", "old", new Difference(0.04, new Interval(0.02, 0.06))).passed());
    assertTrue(g.checkDrop("new", "old", new Difference(-0.04, new Interval(-0.06, -0.02))).passed());
  }

  @Test
  void theColonFormStillParsesWithANoteSayingHowToWriteIt() {
    assertEquals(min("harassment.f1=0.8"), min("harassment:f1=0.8"));
    assertEquals("--min harassment:f1=0.8: LABEL:METRIC is deprecated and will be refused in a "
        + "later version; write harassment.f1=0.8 (LABEL.METRIC=VALUE, as --threshold's "
        + "LABEL=VALUE)", Gate.deprecationNote(Gate.Kind.MIN, "harassment:f1=0.8"));
    assertEquals(null, Gate.deprecationNote(Gate.Kind.MIN, "harassment.f1=0.8"));
    assertEquals(null, Gate.deprecationNote(Gate.Kind.MAX_DROP, "false_report.roc_auc=0.01"));
  }

  @Test
  void metricsAreNamedByTheirJsonKeysAndByTheirShortNames() {
    for (Metric m : Metric.values()) {
      assertEquals(m, min("harassment." + m.key() + "=0.5").metric(), m.key());
    }
    assertEquals(Metric.ROC_AUC, min("harassment.auc=0.5").metric());
    assertEquals(Metric.AVERAGE_PRECISION, min("harassment.ap=0.5").metric());
  }
}
