package org.trollscan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconsTest {
  @Test
  void alternativesExpandLeftmostGroupOutermostAndAnEmptyOneDropsTheWord() {
    assertEquals(List.of("send* love", "send* a card", "send* her love", "send* her a card"),
        Lexicons.expand("send* (|her) (love|a card)"));
    assertEquals(List.of("report*"), Lexicons.expand("report*"));
  }

  @Test
  void anUnclosedGroupIsALexiconError() {
    assertThrows(IllegalStateException.class, () -> Lexicons.expand("call* (her|him a"));
  }

  @Test
  void theShippedExceptionsAreExpandedIntoPhrases() {
    List<String> phrases = Lexicons.standard().phrasesByCue().get("not_report_verb").stream()
        .map(words -> String.join(" ", words)).toList();
    assertTrue(phrases.contains("call* xxuser names"), phrases.toString());
    assertTrue(phrases.contains("send* them best wishes"), phrases.toString());
    assertTrue(phrases.stream().noneMatch(p -> p.contains("(") || p.contains("  ")));
  }
}
