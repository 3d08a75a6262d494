package org.trollscan.summary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetExtractorTest {
  private final TargetExtractor extractor = new TargetExtractor();

  @Test
  void findsHandlesNamesAndTitlesButNotAgencies() {
    List<String> t = extractor.targets(
        "@kerry_cooks_uk is a fraud. Someone ring Ofsted and HMRC about Kerry and her husband");
    assertTrue(t.contains("@kerry_cooks_uk"), t.toString());
    assertTrue(t.contains("Kerry"), t.toString());
    assertTrue(t.contains("her husband"), t.toString());
    assertFalse(t.contains("Ofsted"), t.toString());
    assertFalse(t.contains("HMRC"), t.toString());
  }

  @Test
  void theHandlesOfAgenciesOwnAccountsAreNotTargets() {
    List<String> t = extractor.targets("@HMRCgovuk might want to check out @luxelifeliz");
    assertTrue(t.contains("@luxelifeliz"), t.toString());
    assertFalse(t.contains("@HMRCgovuk"), t.toString());
  }

  @Test
  void daysShopsAndPlacesTaggedAsProperNounsAreNoTargets() {
    List<String> t = extractor.targets(
        "Saw Kerry in Tesco on Monday, she lives on Elm Street in Leeds. Email her boss");
    assertTrue(t.contains("Kerry"), t.toString());
    for (String notAPerson : List.of("Tesco", "Monday", "Street", "Leeds")) {
      assertFalse(t.contains(notAPerson), t.toString());
    }
  }

  @Test
  void aPostWithoutAnyoneNamedHasNoTargets() {
    assertTrue(extractor.targets("what a lovely day for the fete").isEmpty());
  }
}
