package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
  private final Map<String, LabelMetrics> metrics = Map.of("harassment",
      LabelMetrics.of(MetricsTest.MIXED, MetricsTest.MIXED_GOLD, 0.5));

  @Test
  void parsesLabelMetricAndValue() {
    assertEquals(new Gate("harassment", "auc", 0.85), Gate.parse("harassment:auc=0.85"));
  }

  @Test
  void rejectsMalformedOrUnknownGates() {
    assertThrows(IllegalArgumentException.class, () -> Gate.parse("harassment=0.8"));
    assertThrows(IllegalArgumentException.class, () -> Gate.parse("harassment:auc="));
    assertThrows(IllegalArgumentException.class, () -> Gate.parse("harassment:speed=1"));
    assertThrows(IllegalArgumentException.class, () -> Gate.parse("harassment:auc=high"));
  }

  @Test
  void passesAtOrAboveTheMinimumAndFailsBelow() {
    assertTrue(Gate.parse("harassment:auc=0.72").check(metrics).passed());
    assertFalse(Gate.parse("harassment:auc=0.73").check(metrics).passed());
  }

  @Test
  void brierAndEceAreCeilings() {
    assertTrue(Gate.parse("harassment:brier=0.3").check(metrics).passed());
    assertFalse(Gate.parse("harassment:brier=0.2").check(metrics).passed());
  }

  @Test
  void aLabelThatWasNotEvaluatedFailsItsGate() {
    assertFalse(Gate.parse("false_report:f1=0.1").check(metrics).passed());
  }
}
