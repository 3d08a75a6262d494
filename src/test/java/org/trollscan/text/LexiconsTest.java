package org.trollscan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
  @Test
  void everyPhraseOfAFeatureCueMatchesAPostThatSaysItAsWritten() {
    TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum");
    List<String> unmatched = new ArrayList<>();
    String cue = null;
    for (String line : Lexicons.lines("cues.txt")) {
      if (line.startsWith("[")) {
        cue = line.substring(1, line.length() - 1);
      } else if (CueFeatures.isFeatureCue(cue)) {
        for (String phrase : Lexicons.expand(line)) {
          String post = phrase.replace("*", "");
          String wanted = cue;
          if (analyzer.analyze(post).cues().stream().noneMatch(m -> m.cue().equals(wanted))) {
            unmatched.add(cue + ": " + post);
          }
        }
      }
    }
    assertEquals(List.of(), unmatched);
  }
}
