package org.trollscan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/** A character reference scores as the character it stands for, however it is spelled. */
class MarkupStepTest {
  private static final Scorer SCORER = new Scorer(BundleIO.loadDefault());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "I don&apos;t think anyone should ring social services on her|I don&#39;t think anyone should ring social services on her",
      "I don&#146;t think anyone should ring social services on her|I don\u2019t think anyone should ring social services on her",
      "ring social services&nbsp;on her|ring social services on her",
      "r&ZeroWidthSpace;ing social services on her|ring social services on her"})
  void eachSpellingOfAReferenceScoresAsTheCharacter(String encoded, String plain) {
    Score a = SCORER.score(encoded, false);
    Score b = SCORER.score(plain, false);
    for (Label l : a.probabilities().keySet()) {
      assertEquals(b.probabilities().get(l), a.probabilities().get(l), 1e-9, l.column());
    }
  }
}
