package org.trollscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.rules.StepSettings.Setting;

class StepSettingsTest {
  @Test
  void aValueOutOfRangeOrNotWholeIsRefusedNamingTheSettingAndWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StepSettings.defaults().with(Setting.NEGATION_MAX_TOKENS, 0));
    assertEquals("negation.maxTokens is 0; allowed: a whole number from 1 to 50", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> StepSettings.defaults().with(Setting.EVIDENCE_PHRASES, 2.5));
    assertThrows(IllegalArgumentException.class,
        () -> StepSettings.defaults().with(Setting.EVIDENCE_MIN_SHARE_OF_TOP, 1.01));
  }

  @Test
  void settingsAreEqualWhenTheirValuesAreWhateverWasWrittenDown() {
    assertEquals(StepSettings.defaults(),
        StepSettings.defaults().with(Setting.NEGATION_MAX_TOKENS, 6));
    assertEquals(StepSettings.defaults(),
        StepSettings.defaults().with(Setting.NEGATION_MAX_TOKENS, 3)
            .with(Setting.NEGATION_MAX_TOKENS, 6));
    assertEquals(StepSettings.defaults().with(Setting.EVIDENCE_MIN_SHARE_OF_TOP, 1),
        StepSettings.defaults().with(Setting.EVIDENCE_MIN_SHARE_OF_TOP, 1.0));
    assertNotEquals(StepSettings.defaults(),
        StepSettings.defaults().with(Setting.ELONGATION_MAX_RUN, 3));
  }

  @Test
  void aStageListsAllItsSettingsInOrderAndAStageWithoutAnyNone() {
    StepSettings s = StepSettings.defaults().with(Setting.NAMES_TITLE_CASE_ONE_IN, 4);
    assertEquals(Map.of("titleCaseMinWords", 6, "titleCaseOneIn", 4),
        s.of("annotators", "names"));
    assertEquals(java.util.List.of("titleCaseMinWords", "titleCaseOneIn"),
        java.util.List.copyOf(s.of("annotators", "names").keySet()));
    assertEquals(Map.of(), s.of("annotators", "sentences"));
    // "cues" is both an annotator and a feature family; the settings are the family's.
    assertEquals(Map.of(), s.of("annotators", "cues"));
    assertEquals(2, s.of("features", "cues").size());
  }
}
