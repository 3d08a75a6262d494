package org.trollscan.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenCaseTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "kerry       | LOWER",
      "s.o.c.i.a.l | LOWER",
      "HMRC        | UPPER",
      "I           | UPPER",
      "S.O.C.I.A.L | UPPER",
      "Kerry       | CAPITALIZED",
      "McDonald    | CAPITALIZED",
      "Becky's     | CAPITALIZED",
      "Becky’s     | CAPITALIZED",
      "Émilie      | CAPITALIZED",
      "iPhone      | MIXED",
      "S.o.c.i.a.l | MIXED",
      "K3rry       | MIXED",
      "@Kerry      | MIXED",
      "Kerry-Anne  | MIXED",
      "😡          | NONE",
      "500,000     | NONE",
      "!!          | NONE",
  })
  void theCaseOfAWordIsHowItsLettersWereWritten(String written, TokenCase expected) {
    assertEquals(expected, TokenCase.of(written, 0, written.length()));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "Be\u200Bx   | CAPITALIZED",
      "Ke\u00ADrry | CAPITALIZED",
      "Kerry😡     | MIXED",
  })
  void invisibleCharactersInsideAWordArePassedOverButEmojiBreakIt(String written,
      TokenCase expected) {
    assertEquals(expected, TokenCase.of(written, 0, written.length()));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      // Mathematical monospace letters: styled letters outside the BMP count as no letters, as
      // they did when the shipped model's names were found.
      "\uD835\uDE7F\uD835\uDE8E\uD835\uDE9D\uD835\uDE8A\uD835\uDE95\uD835\uDE9C | NONE",
      "Kerry\uD835\uDE8E | MIXED",
  })
  void lettersOutsideTheBasicMultilingualPlaneHaveNoCase(String written, TokenCase expected) {
    assertEquals(expected, TokenCase.of(written, 0, written.length()));
  }

  @ParameterizedTest(name = "{0} [{1},{2}) is {3}")
  @CsvSource(delimiter = '|', value = {
      "ring Kerry now | 5  | 10 | CAPITALIZED",
      "ring Kerry now | 0  | 4  | LOWER",
      "ring Kerry now | 10 | 10 | NONE",
      "ring Kerry     | 5  | 99 | CAPITALIZED",
  })
  void onlyTheCharactersOfTheRangeCount(String original, int start, int end,
      TokenCase expected) {
    assertEquals(expected, TokenCase.of(original, start, end));
  }
}
