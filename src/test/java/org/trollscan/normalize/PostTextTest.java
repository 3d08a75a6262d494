package org.trollscan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which texts show nothing: whitespace, controls and invisible characters only. */
class PostTextTest {
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', textBlock = """
      true  | ''
      true  | '   '
      true  | '\t\r\n'
      true  | '\u00a0\u2003\u3000'
      true  | '\u200b\u200c\u200d\u2060\ufeff'
      true  | '\u0000\u0007'
      true  | '\uDB40\uDC41'
      false | '.'
      false | ' x '
      false | '\u200bhi'
      false | '\uD83D\uDE00'
      false | '\ufffd'
      """)
  void aTextIsEmptyWhenItShowsNothing(boolean empty, String text) {
    assertEquals(empty, PostText.isEmpty(text), text);
  }
}
