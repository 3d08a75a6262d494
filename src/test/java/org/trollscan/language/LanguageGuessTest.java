package org.trollscan.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which comments the service takes for English, and what it says the others are. */
class LanguageGuessTest {
  static final LanguageGuess GUESS = SharedLanguageGuess.INSTANCE;

  @Test
  void shortCommentsCountAsEnglishWhateverTheDetectorWouldSay() {
    // OpenNLP's detector calls "you idiot" Swahili and "kill urself" Norwegian.
    assertEquals(List.of("en"), GUESS.guess("you idiot"));
    assertEquals(List.of("en"), GUESS.guess("kill urself"));
    assertEquals(List.of("en"), GUESS.guess("😀😀 12345"));
  }

  @Test
  void commonEnglishWordsAreEnoughAndOtherLanguagesDoNotPassThatCheck() {
    assertTrue(LanguageGuess.looksEnglish("someone ring social services on her and tell them"));
    assertFalse(LanguageGuess.looksEnglish("Das ist ein ganz normaler deutscher Satz über das "
        + "Wetter und den Park"));
    assertFalse(LanguageGuess.looksEnglish("Hola, cómo estás? Eres una idiota y todos lo saben"));
    assertFalse(LanguageGuess.looksEnglish("Je pense que tu es vraiment stupide et méchant"));
  }

  @Test
  void longerCommentsInOtherLanguagesAreNamedInTwoLetters() {
    assertEquals(List.of("de"), GUESS.guess("Das ist ein ganz normaler deutscher Satz über das "
        + "Wetter und den Park"));
    assertEquals(List.of("es"), GUESS.guess("Hola, cómo estás? Eres una idiota y todos lo "
        + "saben en el pueblo"));
    assertEquals(List.of("fr"), GUESS.guess("Je pense que tu es vraiment stupide et tout le "
        + "monde le sait"));
  }

  @Test
  void englishTheWordCheckMissesIsStillEnglish() {
    // Few common words, so the detector decides.
    assertEquals(List.of("en"), GUESS.guess("Emails to sponsors please, boss too, council "
        + "tax office tipoff"));
  }

  @Test
  void clientLanguageCodesForEnglish() {
    assertTrue(LanguageGuess.isEnglish("en"));
    assertTrue(LanguageGuess.isEnglish("en-GB"));
    assertTrue(LanguageGuess.isEnglish("EN"));
    assertFalse(LanguageGuess.isEnglish("de"));
    assertFalse(LanguageGuess.isEnglish("eo"));
  }
}
