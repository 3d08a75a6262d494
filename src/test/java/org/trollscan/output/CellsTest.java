package org.trollscan.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

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
  void aLabelsEvidenceIsItsPhrasesWhenFlaggedAndNoneOtherwise() {
    Score s = new Score(Map.of(Label.HARASSMENT, 0.9, Label.FALSE_REPORT, 0.2),
        List.of(Label.HARASSMENT), Map.of(Label.HARASSMENT, List.of("thick\ncow", "her"),
            Label.FALSE_REPORT, List.of("ring social services")), false);
    assertEquals(List.of("thick\ncow", "her"), Cells.evidencePhrases(Label.HARASSMENT, s));
    assertEquals(List.of(), Cells.evidencePhrases(Label.FALSE_REPORT, s));
    assertEquals("[\"thick\\ncow\",\"her\"]", Cells.phrases(List.of("thick\ncow", "her")));
  }

  @Test
  void oneLineFoldsLineBreaksAndRunsOfSpaces() {
    assertEquals("a b c d", Cells.oneLine("a\r\n\tb\u2028c d"));
    assertEquals("harassment;false_report",
        Cells.flagged(List.of(Label.HARASSMENT, Label.FALSE_REPORT)));
  }
}
