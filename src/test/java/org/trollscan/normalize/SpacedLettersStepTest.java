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
  private final SpacedLettersStep step = new SpacedLettersStep(4, 3);

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
      assertFalse(step.mayHaveSpacedLetters(text), text);
    }
  }

  @Test
  void preCheckLetsThroughTheShortestSpellings() {
    assertTrue(step.mayHaveSpacedLetters("a b c d"));
    assertTrue(step.mayHaveSpacedLetters("c-p-s"));
    assertTrue(step.mayHaveSpacedLetters("x d.w.p"));
  }

  @Test
  void theFewestLettersJoinedAreSettings() {
    SpacedLettersStep strict = new SpacedLettersStep(6, 4);
    assertEquals("call c-p-s and r e p o r", strict.apply(MappedText.of(
        "call c-p-s and r e p o r")).text());
    assertEquals("call cpsx and report her", strict.apply(MappedText.of(
        "call c-p-s-x and r e p o r t her")).text());
    SpacedLettersStep loose = new SpacedLettersStep(3, 2);
    assertEquals("abc and gp", loose.apply(MappedText.of("a b c and g.p")).text());
  }

  /** The pattern as it was before its numbers were settings: the defaults must match the same. */
  private static final java.util.regex.Pattern BEFORE_SETTINGS = java.util.regex.Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:[\\p{L}\\p{N}@$*]([ .\\-_])(?:[\\p{L}\\p{N}@$*]\\1){2,}"
      + "[\\p{L}\\p{N}@$*]|[\\p{L}\\p{N}@$*]([.\\-])[\\p{L}\\p{N}@$*]\\2[\\p{L}\\p{N}@$*])"
      + "(?![\\p{L}\\p{N}])");

  @Property(tries = 5000)
  void withTheDefaultsItJoinsWhatItJoinedBefore(@ForAll("nearSpelledOut") String text) {
    java.util.regex.Matcher before = BEFORE_SETTINGS.matcher(text);
    java.util.regex.Matcher now = step.pattern().matcher(text);
    while (before.find()) {
      assertTrue(now.find(), text);
      assertEquals(before.start() + "-" + before.end(), now.start() + "-" + now.end(), text);
    }
    assertFalse(now.find(), text);
  }

  @Provide
  Arbitrary<String> nearSpelledOut() {
    // Pieces rather than characters, so that runs of single characters and separators are common.
    return Arbitraries.of("a", "b", "1", "@", "*", "é", "'", "ab", " ", " ", ".", "-", "_", "\n")
        .list().ofMaxSize(14).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void preCheckIsTrueWhereverThePatternMatches(@ForAll("nearSpelledOut") String text) {
    for (SpacedLettersStep s : new SpacedLettersStep[] {step, new SpacedLettersStep(2, 2),
        new SpacedLettersStep(3, 5), new SpacedLettersStep(6, 4)}) {
      if (s.pattern().matcher(text).find()) {
        assertTrue(s.mayHaveSpacedLetters(text), text);
      }
    }
  }
}
