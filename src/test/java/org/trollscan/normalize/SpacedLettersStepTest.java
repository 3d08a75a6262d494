package org.trollscan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The spelled-out-letters step, and its pre-check that spares most posts the pattern. */
class SpacedLettersStepTest {
  private final SpacedLettersStep step = new SpacedLettersStep();

  @Test
  void joinsLettersSpelledOutWithOneSeparator() {
    assertEquals("ring social  services on her",
        step.apply(MappedText.of("ring s o c i a l  s e r v i c e s on her")).text());
    assertEquals("call cps", step.apply(MappedText.of("call c-p-s")).text());
    assertEquals("tell dwp", step.apply(MappedText.of("tell d.w.p")).text());
  }

  @Test
  void leavesSingleLettersOfOrdinaryTextAlone() {
    for (String text : new String[] {"she's a joke", "i am a mum", "a b c", "x-y", "plan b - a"}) {
      assertEquals(text, step.apply(MappedText.of(text)).text());
      assertFalse(SpacedLettersStep.mayHaveSpacedLetters(text), text);
    }
  }

  @Test
  void preCheckLetsThroughTheShortestSpellings() {
    assertTrue(SpacedLettersStep.mayHaveSpacedLetters("a b c d"));
    assertTrue(SpacedLettersStep.mayHaveSpacedLetters("c-p-s"));
    assertTrue(SpacedLettersStep.mayHaveSpacedLetters("x d.w.p"));
  }

  @Provide
  Arbitrary<String> nearSpelledOut() {
    // Pieces rather than characters, so that runs of single characters and separators are common.
    return Arbitraries.of("a", "b", "1", "@", "*", "é", "'", "ab", " ", " ", ".", "-", "_", "\n")
        .list().ofMaxSize(14).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void preCheckIsTrueWhereverThePatternMatches(@ForAll("nearSpelledOut") String text) {
    if (SpacedLettersStep.SPACED.matcher(text).find()) {
      assertTrue(SpacedLettersStep.mayHaveSpacedLetters(text), text);
    }
  }
}
