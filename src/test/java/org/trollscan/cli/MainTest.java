package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void theShippedModelIsPrefetchedOnlyForScoringCommandsWithoutAModelOption() {
    assertTrue(Main.scoresWithTheDefaultModel(new String[] {"score", "-"}));
    assertTrue(Main.scoresWithTheDefaultModel(new String[] {"explain", "ring her"}));
    assertFalse(Main.scoresWithTheDefaultModel(new String[] {"score", "-m", "x.zip", "-"}));
    assertTrue(Main.scoresWithTheDefaultModel(new String[] {"serve", "--port", "0"}));
    assertFalse(Main.scoresWithTheDefaultModel(new String[] {"score", "--model=x.zip"}));
    assertFalse(Main.scoresWithTheDefaultModel(new String[] {"score", "-mx.zip"}));
    assertFalse(Main.scoresWithTheDefaultModel(new String[] {"train", "--data", "a.csv"}));
    assertFalse(Main.scoresWithTheDefaultModel(new String[] {}));
  }
}
