package org.trollscan.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.model.Label;

class CellsTest {
  @Test
  void probabilitiesHaveSixDecimalsWhateverTheLocale() {
    assertEquals("0.000000", Cells.probability(0));
    assertEquals("1.000000", Cells.probability(1));
    assertEquals("0.500000", Cells.probability(0.5));
    assertEquals("0.000001", Cells.probability(0.0000014));
    assertEquals("1.000000", Cells.probability(0.9999999));
  }

  @Test
  void evidenceNamesEachFlaggedLabelAndFitsOnOneLine() {
    String e = Cells.evidence(List.of(Label.HARASSMENT, Label.FALSE_REPORT), Map.of(
        Label.HARASSMENT, List.of("thick\ncow", "her"),
        Label.FALSE_REPORT, List.of("ring  social services")));
    assertEquals("harassment: thick cow | her; false_report: ring social services", e);
    assertEquals("a b c d", Cells.oneLine("a\r\n\tb\u2028c d"));
    assertEquals("harassment;false_report", Cells.flagged(List.of(Label.HARASSMENT, Label.FALSE_REPORT)));
  }
}
