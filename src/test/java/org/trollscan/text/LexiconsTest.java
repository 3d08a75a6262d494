package org.trollscan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
  void everyPhraseOfAFeatureCueMatchesAPostThatSaysItAsWritten() throws IOException {
    TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum");
    List<String> unmatched = new ArrayList<>();
    String cue = null;
    try (InputStream in = Lexicons.class.getResourceAsStream("cues.txt")) {
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          cue = line.substring(1, line.length() - 1);
          continue;
        }
        // Exceptions and verdicts delimit scopes and are no cues of their own.
        if (cue.startsWith("not_") || cue.equals("verdict")) {
          continue;
        }
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
